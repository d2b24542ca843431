import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Month six and after: the handover interview, evaluation responses, outcome counts, amendments (insert-only,
 * held by a trigger), the enrolment's status reason, and invitation links (a new action_link purpose).
 */
export class MonthSix1795622286329 implements MigrationInterface {
    name = 'MonthSix1795622286329'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "enrolment_amendment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "enrolment_id" uuid NOT NULL, "record" text NOT NULL, "record_id" uuid NOT NULL, "reason" text NOT NULL, "before" jsonb NOT NULL, "after" jsonb NOT NULL, "amended_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "enrolment_amendment_reason_check" CHECK (length(btrim(reason)) > 0), CONSTRAINT "enrolment_amendment_record_check" CHECK (record IN ('handover', 'outcome', 'session')), CONSTRAINT "PK_f748a9ef3ac1805dac8cc6a2df4" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_55ad812e09bdb23f8cc01369a1" ON "enrolment_amendment" ("enrolment_id") `);
        await queryRunner.query(`CREATE TABLE "evaluation_response" ("version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "enrolment_id" uuid NOT NULL, "person_id" uuid NOT NULL, "respondent" text NOT NULL, "status" text NOT NULL DEFAULT 'draft', "likert" jsonb NOT NULL DEFAULT '{}', "free_text" jsonb NOT NULL DEFAULT '{}', "submitted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "evaluation_response_enrolment_person" UNIQUE ("enrolment_id", "person_id"), CONSTRAINT "evaluation_response_submitted_check" CHECK ((status = 'submitted') = (submitted_at IS NOT NULL)), CONSTRAINT "evaluation_response_respondent_check" CHECK (respondent IN ('ccc', 'pcn_supervisor')), CONSTRAINT "evaluation_response_status_check" CHECK (status IN ('draft', 'submitted')), CONSTRAINT "PK_0da5a99ee61b210d4456497d258" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_6728083b87cc6853654d967b7b" ON "evaluation_response" ("enrolment_id") `);
        await queryRunner.query(`CREATE TABLE "handover_interview" ("version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "enrolment_id" uuid NOT NULL, "pcn_priorities" text, "role_development" text, "training_agreed" jsonb NOT NULL DEFAULT '[]', "follow_on_supervisor_name" text, "appraisal_date" date, "role_evaluation" text, "ccc_signed_at" TIMESTAMP WITH TIME ZONE, "ccc_signed_by_id" uuid, "pcn_signed_at" TIMESTAMP WITH TIME ZONE, "pcn_signed_by_id" uuid, "alliance_signed_at" TIMESTAMP WITH TIME ZONE, "alliance_signed_by_id" uuid, CONSTRAINT "UQ_526a2bfc7b9d6fa459dc3c8c5f3" UNIQUE ("enrolment_id"), CONSTRAINT "PK_43f97481e4a06dfb8d884b9bc27" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "outcome_count" ("version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "enrolment_id" uuid NOT NULL, "month" integer NOT NULL, "measure_id" text NOT NULL, "count" integer NOT NULL, "recorded_by_id" uuid NOT NULL, CONSTRAINT "outcome_count_enrolment_month_measure" UNIQUE ("enrolment_id", "month", "measure_id"), CONSTRAINT "outcome_count_month_check" CHECK (month BETWEEN 1 AND 36), CONSTRAINT "outcome_count_count_check" CHECK (count >= 0), CONSTRAINT "PK_308a25b8b32b7713089d0f0b7ac" PRIMARY KEY ("id"))`);
        await queryRunner.query(`ALTER TABLE "enrolment" ADD "status_reason" text`);
        await queryRunner.query(`ALTER TABLE "enrolment" ADD "status_changed_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "enrolment" ADD "status_changed_by_id" uuid`);
        await queryRunner.query(`ALTER TABLE "enrolment" ADD CONSTRAINT "FK_4521bf00178af8eb47576a57a1b" FOREIGN KEY ("status_changed_by_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "enrolment_amendment" ADD CONSTRAINT "FK_55ad812e09bdb23f8cc01369a1c" FOREIGN KEY ("enrolment_id") REFERENCES "enrolment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "enrolment_amendment" ADD CONSTRAINT "FK_8e090ba0e87a4d0c814d5433c71" FOREIGN KEY ("amended_by_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "evaluation_response" ADD CONSTRAINT "FK_6728083b87cc6853654d967b7b6" FOREIGN KEY ("enrolment_id") REFERENCES "enrolment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "evaluation_response" ADD CONSTRAINT "FK_3146451c0d6e331f33052176caf" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "handover_interview" ADD CONSTRAINT "FK_526a2bfc7b9d6fa459dc3c8c5f3" FOREIGN KEY ("enrolment_id") REFERENCES "enrolment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "handover_interview" ADD CONSTRAINT "FK_b768d00a2f47714e718b744ac40" FOREIGN KEY ("ccc_signed_by_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "handover_interview" ADD CONSTRAINT "FK_8bb7b5e92ce9bbdd2d034c4492c" FOREIGN KEY ("pcn_signed_by_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "handover_interview" ADD CONSTRAINT "FK_805c7f46659d97f7d869c87c491" FOREIGN KEY ("alliance_signed_by_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "outcome_count" ADD CONSTRAINT "FK_a08350982cd7bac1384c0ddac12" FOREIGN KEY ("enrolment_id") REFERENCES "enrolment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "outcome_count" ADD CONSTRAINT "FK_14cf6c1e80d0a018bb37d7b232c" FOREIGN KEY ("recorded_by_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        // Written by hand: TypeORM does not see a changed CHECK expression.
        await queryRunner.query(`ALTER TABLE "action_link" DROP CONSTRAINT "action_link_purpose_check"`);
        await queryRunner.query(`ALTER TABLE "action_link" ADD CONSTRAINT "action_link_purpose_check" CHECK (purpose IN ('release_request', 'session_slot', 'set_password'))`);
        // An amendment is the trail of a correction: never edited or removed.
        await queryRunner.query(`CREATE FUNCTION enrolment_amendment_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'enrolment_amendment is insert-only: % refused', TG_OP; END $$`);
        await queryRunner.query(`CREATE TRIGGER enrolment_amendment_insert_only BEFORE UPDATE OR DELETE ON "enrolment_amendment" FOR EACH ROW EXECUTE FUNCTION enrolment_amendment_refuse_change()`);
        await queryRunner.query(`CREATE TRIGGER enrolment_amendment_no_truncate BEFORE TRUNCATE ON "enrolment_amendment" FOR EACH STATEMENT EXECUTE FUNCTION enrolment_amendment_refuse_change()`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER enrolment_amendment_no_truncate ON "enrolment_amendment"`);
        await queryRunner.query(`DROP TRIGGER enrolment_amendment_insert_only ON "enrolment_amendment"`);
        await queryRunner.query(`DROP FUNCTION enrolment_amendment_refuse_change()`);
        await queryRunner.query(`DELETE FROM "action_link" WHERE purpose = 'set_password'`);
        await queryRunner.query(`ALTER TABLE "action_link" DROP CONSTRAINT "action_link_purpose_check"`);
        await queryRunner.query(`ALTER TABLE "action_link" ADD CONSTRAINT "action_link_purpose_check" CHECK (purpose IN ('release_request', 'session_slot'))`);
        await queryRunner.query(`ALTER TABLE "outcome_count" DROP CONSTRAINT "FK_14cf6c1e80d0a018bb37d7b232c"`);
        await queryRunner.query(`ALTER TABLE "outcome_count" DROP CONSTRAINT "FK_a08350982cd7bac1384c0ddac12"`);
        await queryRunner.query(`ALTER TABLE "handover_interview" DROP CONSTRAINT "FK_805c7f46659d97f7d869c87c491"`);
        await queryRunner.query(`ALTER TABLE "handover_interview" DROP CONSTRAINT "FK_8bb7b5e92ce9bbdd2d034c4492c"`);
        await queryRunner.query(`ALTER TABLE "handover_interview" DROP CONSTRAINT "FK_b768d00a2f47714e718b744ac40"`);
        await queryRunner.query(`ALTER TABLE "handover_interview" DROP CONSTRAINT "FK_526a2bfc7b9d6fa459dc3c8c5f3"`);
        await queryRunner.query(`ALTER TABLE "evaluation_response" DROP CONSTRAINT "FK_3146451c0d6e331f33052176caf"`);
        await queryRunner.query(`ALTER TABLE "evaluation_response" DROP CONSTRAINT "FK_6728083b87cc6853654d967b7b6"`);
        await queryRunner.query(`ALTER TABLE "enrolment_amendment" DROP CONSTRAINT "FK_8e090ba0e87a4d0c814d5433c71"`);
        await queryRunner.query(`ALTER TABLE "enrolment_amendment" DROP CONSTRAINT "FK_55ad812e09bdb23f8cc01369a1c"`);
        await queryRunner.query(`ALTER TABLE "enrolment" DROP CONSTRAINT "FK_4521bf00178af8eb47576a57a1b"`);
        await queryRunner.query(`ALTER TABLE "enrolment" DROP COLUMN "status_changed_by_id"`);
        await queryRunner.query(`ALTER TABLE "enrolment" DROP COLUMN "status_changed_at"`);
        await queryRunner.query(`ALTER TABLE "enrolment" DROP COLUMN "status_reason"`);
        await queryRunner.query(`DROP TABLE "outcome_count"`);
        await queryRunner.query(`DROP TABLE "handover_interview"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_6728083b87cc6853654d967b7b"`);
        await queryRunner.query(`DROP TABLE "evaluation_response"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_55ad812e09bdb23f8cc01369a1"`);
        await queryRunner.query(`DROP TABLE "enrolment_amendment"`);
    }

}
