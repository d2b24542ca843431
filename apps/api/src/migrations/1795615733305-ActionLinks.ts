import { MigrationInterface, QueryRunner } from "typeorm";

export class ActionLinks1795615733305 implements MigrationInterface {
    name = 'ActionLinks1795615733305'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "action_link" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "token_hash" text NOT NULL, "purpose" text NOT NULL, "target_id" uuid NOT NULL, "person_id" uuid NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_eabff5f08bcf1cbb4cc65868c81" UNIQUE ("token_hash"), CONSTRAINT "action_link_purpose_check" CHECK (purpose IN ('release_request', 'session_slot')), CONSTRAINT "PK_919a214769d2e1f2b1824433b51" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_d557acb2afd9f4041a43c30c55" ON "action_link" ("target_id") `);
        await queryRunner.query(`CREATE TABLE "outbox_message" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "to_person_id" uuid NOT NULL, "to_email" text NOT NULL, "subject" text NOT NULL, "body" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_2f36ee5236f2793f3e7bd554589" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_b2273b5a42cdf257bfc2442055" ON "outbox_message" ("to_person_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_ad1daeda0444c64ededdc1f8e3" ON "outbox_message" ("sent_at") `);
        await queryRunner.query(`ALTER TABLE "action_link" ADD CONSTRAINT "FK_e9bc20a5a9f0e836875bd7a5927" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "action_link" DROP CONSTRAINT "FK_e9bc20a5a9f0e836875bd7a5927"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_ad1daeda0444c64ededdc1f8e3"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_b2273b5a42cdf257bfc2442055"`);
        await queryRunner.query(`DROP TABLE "outbox_message"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_d557acb2afd9f4041a43c30c55"`);
        await queryRunner.query(`DROP TABLE "action_link"`);
    }

}
