import { MigrationInterface, QueryRunner } from "typeorm";

export class ReleaseTime1795615062744 implements MigrationInterface {
    name = 'ReleaseTime1795615062744'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "attestation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "enrolment_id" uuid NOT NULL, "expectation_key" text NOT NULL, "party" text NOT NULL, "attested_by_id" uuid NOT NULL, "attested_on" date NOT NULL, "note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "attestation_enrolment_expectation" UNIQUE ("enrolment_id", "expectation_key"), CONSTRAINT "PK_c5443ea47f1f49c64c47257a6a2" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_29636d555942840f17996c71ed" ON "attestation" ("enrolment_id") `);
        await queryRunner.query(`CREATE TABLE "release_request" ("version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "enrolment_id" uuid NOT NULL, "kind" text NOT NULL, "session_id" uuid, "date" date NOT NULL, "minutes" integer NOT NULL, "description" text NOT NULL, "status" text NOT NULL DEFAULT 'pending', "decided_by_id" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "decision_reason" text, "override_reason" text, "via_link" boolean NOT NULL DEFAULT false, CONSTRAINT "release_request_minutes_check" CHECK (minutes > 0 AND minutes <= 1440), CONSTRAINT "release_request_status_check" CHECK (status IN ('pending', 'confirmed', 'declined', 'withdrawn')), CONSTRAINT "release_request_kind_check" CHECK (kind IN ('study', 'session', 'training')), CONSTRAINT "PK_827b453ade038fb48ff53e65232" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_3efe03f4c76e9747929b448886" ON "release_request" ("enrolment_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "release_request_session_unique" ON "release_request" ("session_id", "enrolment_id") WHERE session_id IS NOT NULL`);
        await queryRunner.query(`ALTER TABLE "attestation" ADD CONSTRAINT "FK_29636d555942840f17996c71ed1" FOREIGN KEY ("enrolment_id") REFERENCES "enrolment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "attestation" ADD CONSTRAINT "FK_69c144e4de7d49d3e32cb675981" FOREIGN KEY ("attested_by_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "release_request" ADD CONSTRAINT "FK_3efe03f4c76e9747929b448886f" FOREIGN KEY ("enrolment_id") REFERENCES "enrolment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "release_request" ADD CONSTRAINT "FK_4c8d1c0140c72401f52a623c95f" FOREIGN KEY ("session_id") REFERENCES "session"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "release_request" DROP CONSTRAINT "FK_4c8d1c0140c72401f52a623c95f"`);
        await queryRunner.query(`ALTER TABLE "release_request" DROP CONSTRAINT "FK_3efe03f4c76e9747929b448886f"`);
        await queryRunner.query(`ALTER TABLE "attestation" DROP CONSTRAINT "FK_69c144e4de7d49d3e32cb675981"`);
        await queryRunner.query(`ALTER TABLE "attestation" DROP CONSTRAINT "FK_29636d555942840f17996c71ed1"`);
        await queryRunner.query(`DROP INDEX "public"."release_request_session_unique"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_3efe03f4c76e9747929b448886"`);
        await queryRunner.query(`DROP TABLE "release_request"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_29636d555942840f17996c71ed"`);
        await queryRunner.query(`DROP TABLE "attestation"`);
    }

}
