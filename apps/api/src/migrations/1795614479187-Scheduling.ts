import { MigrationInterface, QueryRunner } from "typeorm";

export class Scheduling1795614479187 implements MigrationInterface {
    name = 'Scheduling1795614479187'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "calendar_feed" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "token_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_3a0b1d1c7619ea19ff1affaaf70" UNIQUE ("token_hash"), CONSTRAINT "PK_24c0b9c80e4a4ac8752d854bc2e" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_6f1e687ddc5e27d066c00af547" ON "calendar_feed" ("person_id") `);
        await queryRunner.query(`CREATE TABLE "agreed_action" ("version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "description" text NOT NULL, "owner" text NOT NULL, "due_date" date NOT NULL, "done" boolean NOT NULL DEFAULT false, CONSTRAINT "agreed_action_owner_check" CHECK (owner IN ('ccc', 'alliance_supervisor', 'pcn_supervisor')), CONSTRAINT "PK_852908904f413bf0af07c856dbf" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_e2779de8097ad608361ec8d12e" ON "agreed_action" ("session_id") `);
        await queryRunner.query(`ALTER TABLE "session" ADD "meeting_link" text`);
        await queryRunner.query(`ALTER TABLE "session" ADD "place" text`);
        await queryRunner.query(`ALTER TABLE "session" ADD "out_of_month_reason" text`);
        await queryRunner.query(`ALTER TABLE "session" ADD "conflict_override_reason" text`);
        await queryRunner.query(`ALTER TABLE "session" ADD "proposed_starts_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "session" ADD "cancellation_reason" text`);
        await queryRunner.query(`ALTER TABLE "session" ADD "lead_id" uuid`);
        await queryRunner.query(`ALTER TABLE "session" ADD "notes" text`);
        await queryRunner.query(`ALTER TABLE "session" ADD "staff_attendance" jsonb`);
        await queryRunner.query(`ALTER TABLE "session" ADD "recorded_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "session" ADD "recorded_by_id" uuid`);
        await queryRunner.query(`CREATE INDEX "IDX_ee53e88da48b39bf18f6f856c3" ON "session" ("starts_at") `);
        await queryRunner.query(`CREATE INDEX "IDX_9c884ca4d3a2a885b82e4a916f" ON "session" ("lead_id") `);
        await queryRunner.query(`ALTER TABLE "calendar_feed" ADD CONSTRAINT "FK_6f1e687ddc5e27d066c00af5478" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "session" ADD CONSTRAINT "FK_9c884ca4d3a2a885b82e4a916f0" FOREIGN KEY ("lead_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "agreed_action" ADD CONSTRAINT "FK_e2779de8097ad608361ec8d12e0" FOREIGN KEY ("session_id") REFERENCES "session"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        // TypeORM does not see changes to a CHECK expression or a partial index's WHERE: written by hand.
        await queryRunner.query(`ALTER TABLE "session" DROP CONSTRAINT "session_status_check"`);
        await queryRunner.query(`ALTER TABLE "session" ADD CONSTRAINT "session_status_check" CHECK (status IN ('planned', 'awaiting_pcn', 'awaiting_alliance', 'scheduled', 'completed', 'cancelled', 'missed'))`);
        await queryRunner.query(`DROP INDEX "public"."session_enrolment_item_unique"`);
        await queryRunner.query(`DROP INDEX "public"."session_cohort_item_unique"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "session_enrolment_item_unique" ON "session" ("enrolment_id", "plan_item_key") WHERE enrolment_id IS NOT NULL AND status <> 'cancelled'`);
        await queryRunner.query(`CREATE UNIQUE INDEX "session_cohort_item_unique" ON "session" ("cohort_id", "plan_item_key") WHERE enrolment_id IS NULL AND status <> 'cancelled'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."session_enrolment_item_unique"`);
        await queryRunner.query(`DROP INDEX "public"."session_cohort_item_unique"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "session_enrolment_item_unique" ON "session" ("enrolment_id", "plan_item_key") WHERE enrolment_id IS NOT NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "session_cohort_item_unique" ON "session" ("cohort_id", "plan_item_key") WHERE enrolment_id IS NULL`);
        await queryRunner.query(`ALTER TABLE "session" DROP CONSTRAINT "session_status_check"`);
        await queryRunner.query(`ALTER TABLE "session" ADD CONSTRAINT "session_status_check" CHECK (status IN ('planned', 'scheduled', 'completed', 'cancelled', 'missed'))`);
        await queryRunner.query(`ALTER TABLE "agreed_action" DROP CONSTRAINT "FK_e2779de8097ad608361ec8d12e0"`);
        await queryRunner.query(`ALTER TABLE "session" DROP CONSTRAINT "FK_9c884ca4d3a2a885b82e4a916f0"`);
        await queryRunner.query(`ALTER TABLE "calendar_feed" DROP CONSTRAINT "FK_6f1e687ddc5e27d066c00af5478"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_9c884ca4d3a2a885b82e4a916f"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_ee53e88da48b39bf18f6f856c3"`);
        await queryRunner.query(`ALTER TABLE "session" DROP COLUMN "recorded_by_id"`);
        await queryRunner.query(`ALTER TABLE "session" DROP COLUMN "recorded_at"`);
        await queryRunner.query(`ALTER TABLE "session" DROP COLUMN "staff_attendance"`);
        await queryRunner.query(`ALTER TABLE "session" DROP COLUMN "notes"`);
        await queryRunner.query(`ALTER TABLE "session" DROP COLUMN "lead_id"`);
        await queryRunner.query(`ALTER TABLE "session" DROP COLUMN "cancellation_reason"`);
        await queryRunner.query(`ALTER TABLE "session" DROP COLUMN "proposed_starts_at"`);
        await queryRunner.query(`ALTER TABLE "session" DROP COLUMN "conflict_override_reason"`);
        await queryRunner.query(`ALTER TABLE "session" DROP COLUMN "out_of_month_reason"`);
        await queryRunner.query(`ALTER TABLE "session" DROP COLUMN "place"`);
        await queryRunner.query(`ALTER TABLE "session" DROP COLUMN "meeting_link"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_e2779de8097ad608361ec8d12e"`);
        await queryRunner.query(`DROP TABLE "agreed_action"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_6f1e687ddc5e27d066c00af547"`);
        await queryRunner.query(`DROP TABLE "calendar_feed"`);
    }

}
