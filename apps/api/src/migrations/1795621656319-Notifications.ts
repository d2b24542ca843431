import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Reminders: the in-app list (its unique key sends each reminder once), each person's choice of kinds, and the
 * outbox's delivery attempts. The job queue's own tables live in the pgboss schema, which pg-boss manages itself.
 */
export class Notifications1795621656319 implements MigrationInterface {
    name = 'Notifications1795621656319'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "notification_preference" ("version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "person_id" uuid NOT NULL, "disabled_kinds" text array NOT NULL, CONSTRAINT "notification_preference_kinds_check" CHECK (disabled_kinds <@ ARRAY['session_tomorrow', 'slot_awaiting_pcn', 'evidence_awaiting_review', 'plan_month_ending', 'release_unconfirmed']::text[]), CONSTRAINT "PK_8496cccd0c7dcf6889873bee9e1" PRIMARY KEY ("person_id"))`);
        await queryRunner.query(`CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "kind" text NOT NULL, "subject_type" text NOT NULL, "subject_id" uuid NOT NULL, "occasion" text NOT NULL, "title" text NOT NULL, "body" text NOT NULL, "link" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "notification_once" UNIQUE ("person_id", "kind", "subject_id", "occasion"), CONSTRAINT "notification_subject_type_check" CHECK (subject_type IN ('session', 'enrolment', 'cohort', 'evidence')), CONSTRAINT "notification_kind_check" CHECK (kind IN ('session_tomorrow', 'slot_awaiting_pcn', 'evidence_awaiting_review', 'plan_month_ending', 'release_unconfirmed')), CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "notification_person_created" ON "notification" ("person_id", "created_at") `);
        await queryRunner.query(`ALTER TABLE "outbox_message" ADD "attempts" integer NOT NULL DEFAULT '0'`);
        await queryRunner.query(`ALTER TABLE "outbox_message" ADD "last_attempt_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "outbox_message" ADD "last_error" text`);
        await queryRunner.query(`ALTER TABLE "notification_preference" ADD CONSTRAINT "FK_8496cccd0c7dcf6889873bee9e1" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "notification" ADD CONSTRAINT "FK_9d46d510fc2c70b0dca34a95189" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "FK_9d46d510fc2c70b0dca34a95189"`);
        await queryRunner.query(`ALTER TABLE "notification_preference" DROP CONSTRAINT "FK_8496cccd0c7dcf6889873bee9e1"`);
        await queryRunner.query(`ALTER TABLE "outbox_message" DROP COLUMN "last_error"`);
        await queryRunner.query(`ALTER TABLE "outbox_message" DROP COLUMN "last_attempt_at"`);
        await queryRunner.query(`ALTER TABLE "outbox_message" DROP COLUMN "attempts"`);
        await queryRunner.query(`DROP INDEX "public"."notification_person_created"`);
        await queryRunner.query(`DROP TABLE "notification"`);
        await queryRunner.query(`DROP TABLE "notification_preference"`);
    }

}
