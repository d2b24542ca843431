import { MigrationInterface, QueryRunner } from "typeorm";
// Frozen here as it was at version 1: a changed default framework is a new version in a new migration.
import defaultFramework from "./data/ccc-core-framework-v1.json";

const DEFAULT_FRAMEWORK_ID = '6f1c2a8e-3d4b-4c5a-9e7f-0a1b2c3d4e5f';

/**
 * Competency frameworks (the default one seeded under a fixed id that cohorts get unless another is set),
 * progress, evidence files, evidence, reviews (insert-only, held by a trigger), the TNA, the training plan and
 * drafts.
 */
export class Competencies1795621759385 implements MigrationInterface {
    name = 'Competencies1795621759385'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "competency_framework" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "key" text NOT NULL, "version" integer NOT NULL, "name" text NOT NULL, "definition" jsonb NOT NULL, "imported_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "competency_framework_key_version" UNIQUE ("key", "version"), CONSTRAINT "PK_329c8576ff531e718f75ef97f56" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_6454b449aac467522acb7e2737" ON "competency_framework" ("imported_by_id") `);
        await queryRunner.query(`CREATE TABLE "competency_progress" ("version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "enrolment_id" uuid NOT NULL, "competency_code" text NOT NULL, "state" text NOT NULL DEFAULT 'not_started', "state_changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "competency_progress_enrolment_code" UNIQUE ("enrolment_id", "competency_code"), CONSTRAINT "competency_progress_state_check" CHECK (state IN ('not_started', 'working_towards', 'evidence_submitted', 'signed_off')), CONSTRAINT "PK_6e9a37cc99ffe6badd43875ae46" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "competency_progress_state_since" ON "competency_progress" ("state", "state_changed_at") `);
        await queryRunner.query(`CREATE TABLE "evidence_file" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "enrolment_id" uuid NOT NULL, "file_name" text NOT NULL, "content_type" text NOT NULL, "size_bytes" integer NOT NULL, "sha256" text NOT NULL, "content" bytea NOT NULL, "uploaded_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "evidence_file_size_check" CHECK (size_bytes > 0 AND size_bytes <= 10485760), CONSTRAINT "PK_f54e0261bc7f0350c7eae30736a" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_1e4aa291143f9841ad3eb6dd37" ON "evidence_file" ("enrolment_id") `);
        await queryRunner.query(`CREATE TABLE "competency_evidence" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "progress_id" uuid NOT NULL, "kind" text NOT NULL, "text" text, "url" text, "file_id" uuid, "submitted_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "competency_evidence_content_check" CHECK ((kind = 'reflection' AND text IS NOT NULL) OR (kind = 'link' AND url IS NOT NULL) OR (kind = 'file' AND file_id IS NOT NULL)), CONSTRAINT "competency_evidence_kind_check" CHECK (kind IN ('reflection', 'link', 'file')), CONSTRAINT "PK_0c2b0a69a2dc0580ab56633391d" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_1b4b3c3971f932d7c41f7f61f1" ON "competency_evidence" ("progress_id") `);
        await queryRunner.query(`CREATE TABLE "competency_review" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "progress_id" uuid NOT NULL, "progress_version" integer NOT NULL, "outcome" text NOT NULL, "rating" integer, "comment" text NOT NULL, "reviewer_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "competency_review_once_per_version" UNIQUE ("progress_id", "progress_version"), CONSTRAINT "competency_review_comment_check" CHECK (length(btrim(comment)) > 0), CONSTRAINT "competency_review_rating_check" CHECK ((outcome = 'signed_off') = (rating IS NOT NULL)), CONSTRAINT "competency_review_outcome_check" CHECK (outcome IN ('signed_off', 'returned', 'withdrawn')), CONSTRAINT "PK_2b730d36b1b8effbbe7094d1144" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_08dc2b5e3acc50576014d64fc7" ON "competency_review" ("progress_id") `);
        await queryRunner.query(`CREATE TABLE "tna" ("version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "enrolment_id" uuid NOT NULL, "round" integer NOT NULL, "ccc_signed_at" TIMESTAMP WITH TIME ZONE, "ccc_signed_by_id" uuid, "supervisor_signed_at" TIMESTAMP WITH TIME ZONE, "supervisor_signed_by_id" uuid, CONSTRAINT "tna_enrolment_round" UNIQUE ("enrolment_id", "round"), CONSTRAINT "tna_round_check" CHECK (round IN (1, 2)), CONSTRAINT "PK_3911a93e8324b89cfee15d9f071" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "tna_rating" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tna_id" uuid NOT NULL, "competency_code" text NOT NULL, "self_rating" integer, "self_note" text, "agreed_rating" integer, "needs" text, CONSTRAINT "tna_rating_tna_code" UNIQUE ("tna_id", "competency_code"), CONSTRAINT "PK_7c1db0d0b6880135913a508e7e4" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "training_plan_item" ("version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "enrolment_id" uuid NOT NULL, "kind" text NOT NULL, "title" text NOT NULL, "course_key" text, "target_month" integer NOT NULL, "competency_codes" text array NOT NULL DEFAULT '{}', "completed_on" date, "completed_via" text, "session_id" uuid, "certificate_file_id" uuid, "created_by_id" uuid NOT NULL, CONSTRAINT "training_plan_item_done_check" CHECK ((completed_on IS NULL) = (completed_via IS NULL)), CONSTRAINT "training_plan_item_completed_via_check" CHECK (completed_via IN ('ccc', 'attendance')), CONSTRAINT "training_plan_item_month_check" CHECK (target_month BETWEEN 1 AND 36), CONSTRAINT "training_plan_item_kind_check" CHECK (kind IN ('course', 'group_teaching', 'free')), CONSTRAINT "PK_6b6d32404f4a1f6068dad6e4846" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "training_plan_item_enrolment_month" ON "training_plan_item" ("enrolment_id", "target_month") `);
        await queryRunner.query(`CREATE TABLE "draft" ("person_id" uuid NOT NULL, "key" text NOT NULL, "content" jsonb NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fb3378e06ecaedae223d2bf7350" PRIMARY KEY ("person_id", "key"))`);
        await queryRunner.query(
            `INSERT INTO "competency_framework" ("id", "key", "version", "name", "definition") VALUES ($1, $2, $3, $4, $5)`,
            [DEFAULT_FRAMEWORK_ID, defaultFramework.key, defaultFramework.version, defaultFramework.name, JSON.stringify(defaultFramework)],
        );
        await queryRunner.query(`ALTER TABLE "cohort" ADD "competency_framework_id" uuid NOT NULL DEFAULT '6f1c2a8e-3d4b-4c5a-9e7f-0a1b2c3d4e5f'`);
        await queryRunner.query(`CREATE INDEX "IDX_7edf9d170dcfbab7b3b0966f60" ON "cohort" ("competency_framework_id") `);
        await queryRunner.query(`ALTER TABLE "competency_framework" ADD CONSTRAINT "FK_6454b449aac467522acb7e27373" FOREIGN KEY ("imported_by_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "cohort" ADD CONSTRAINT "FK_7edf9d170dcfbab7b3b0966f60a" FOREIGN KEY ("competency_framework_id") REFERENCES "competency_framework"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "competency_progress" ADD CONSTRAINT "FK_e4e85d61ed2116df2ed709fec45" FOREIGN KEY ("enrolment_id") REFERENCES "enrolment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "evidence_file" ADD CONSTRAINT "FK_1e4aa291143f9841ad3eb6dd373" FOREIGN KEY ("enrolment_id") REFERENCES "enrolment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "evidence_file" ADD CONSTRAINT "FK_88cce5f59456bc38f09050c45b8" FOREIGN KEY ("uploaded_by_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "competency_evidence" ADD CONSTRAINT "FK_1b4b3c3971f932d7c41f7f61f14" FOREIGN KEY ("progress_id") REFERENCES "competency_progress"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "competency_evidence" ADD CONSTRAINT "FK_807a2d5a9cd9737cc668dde0cbe" FOREIGN KEY ("file_id") REFERENCES "evidence_file"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "competency_evidence" ADD CONSTRAINT "FK_33a721f335b676f39713a78d37d" FOREIGN KEY ("submitted_by_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "competency_review" ADD CONSTRAINT "FK_08dc2b5e3acc50576014d64fc7b" FOREIGN KEY ("progress_id") REFERENCES "competency_progress"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "competency_review" ADD CONSTRAINT "FK_0422bcfdd9b5f2c1c6409c639a2" FOREIGN KEY ("reviewer_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "tna" ADD CONSTRAINT "FK_dd04c4c1e1aeb3db11b70779c14" FOREIGN KEY ("enrolment_id") REFERENCES "enrolment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "tna" ADD CONSTRAINT "FK_75a9cd45858b874b173050f4f6a" FOREIGN KEY ("ccc_signed_by_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "tna" ADD CONSTRAINT "FK_fbdde8892f4953f66151ad462d1" FOREIGN KEY ("supervisor_signed_by_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "tna_rating" ADD CONSTRAINT "FK_cdbb2802108ac8d26c72cd69621" FOREIGN KEY ("tna_id") REFERENCES "tna"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "training_plan_item" ADD CONSTRAINT "FK_1de66f8fab655e9d1f9c7522221" FOREIGN KEY ("enrolment_id") REFERENCES "enrolment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "training_plan_item" ADD CONSTRAINT "FK_201a1ccb272cb4ac9267535d8c7" FOREIGN KEY ("session_id") REFERENCES "session"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "training_plan_item" ADD CONSTRAINT "FK_9a0775dfd04f8ea05d69bf54cb8" FOREIGN KEY ("certificate_file_id") REFERENCES "evidence_file"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "training_plan_item" ADD CONSTRAINT "FK_16490035e48a526ab82e9f10cc7" FOREIGN KEY ("created_by_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "draft" ADD CONSTRAINT "FK_c9528ee5c1589518438146c740a" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        // A review (a sign-off, a return, a withdrawal) is never edited or removed: a change is a new review.
        await queryRunner.query(`CREATE FUNCTION competency_review_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'competency_review is insert-only: % refused', TG_OP; END $$`);
        await queryRunner.query(`CREATE TRIGGER competency_review_insert_only BEFORE UPDATE OR DELETE ON "competency_review" FOR EACH ROW EXECUTE FUNCTION competency_review_refuse_change()`);
        await queryRunner.query(`CREATE TRIGGER competency_review_no_truncate BEFORE TRUNCATE ON "competency_review" FOR EACH STATEMENT EXECUTE FUNCTION competency_review_refuse_change()`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER competency_review_no_truncate ON "competency_review"`);
        await queryRunner.query(`DROP TRIGGER competency_review_insert_only ON "competency_review"`);
        await queryRunner.query(`DROP FUNCTION competency_review_refuse_change()`);
        await queryRunner.query(`ALTER TABLE "draft" DROP CONSTRAINT "FK_c9528ee5c1589518438146c740a"`);
        await queryRunner.query(`ALTER TABLE "training_plan_item" DROP CONSTRAINT "FK_16490035e48a526ab82e9f10cc7"`);
        await queryRunner.query(`ALTER TABLE "training_plan_item" DROP CONSTRAINT "FK_9a0775dfd04f8ea05d69bf54cb8"`);
        await queryRunner.query(`ALTER TABLE "training_plan_item" DROP CONSTRAINT "FK_201a1ccb272cb4ac9267535d8c7"`);
        await queryRunner.query(`ALTER TABLE "training_plan_item" DROP CONSTRAINT "FK_1de66f8fab655e9d1f9c7522221"`);
        await queryRunner.query(`ALTER TABLE "tna_rating" DROP CONSTRAINT "FK_cdbb2802108ac8d26c72cd69621"`);
        await queryRunner.query(`ALTER TABLE "tna" DROP CONSTRAINT "FK_fbdde8892f4953f66151ad462d1"`);
        await queryRunner.query(`ALTER TABLE "tna" DROP CONSTRAINT "FK_75a9cd45858b874b173050f4f6a"`);
        await queryRunner.query(`ALTER TABLE "tna" DROP CONSTRAINT "FK_dd04c4c1e1aeb3db11b70779c14"`);
        await queryRunner.query(`ALTER TABLE "competency_review" DROP CONSTRAINT "FK_0422bcfdd9b5f2c1c6409c639a2"`);
        await queryRunner.query(`ALTER TABLE "competency_review" DROP CONSTRAINT "FK_08dc2b5e3acc50576014d64fc7b"`);
        await queryRunner.query(`ALTER TABLE "competency_evidence" DROP CONSTRAINT "FK_33a721f335b676f39713a78d37d"`);
        await queryRunner.query(`ALTER TABLE "competency_evidence" DROP CONSTRAINT "FK_807a2d5a9cd9737cc668dde0cbe"`);
        await queryRunner.query(`ALTER TABLE "competency_evidence" DROP CONSTRAINT "FK_1b4b3c3971f932d7c41f7f61f14"`);
        await queryRunner.query(`ALTER TABLE "evidence_file" DROP CONSTRAINT "FK_88cce5f59456bc38f09050c45b8"`);
        await queryRunner.query(`ALTER TABLE "evidence_file" DROP CONSTRAINT "FK_1e4aa291143f9841ad3eb6dd373"`);
        await queryRunner.query(`ALTER TABLE "competency_progress" DROP CONSTRAINT "FK_e4e85d61ed2116df2ed709fec45"`);
        await queryRunner.query(`ALTER TABLE "cohort" DROP CONSTRAINT "FK_7edf9d170dcfbab7b3b0966f60a"`);
        await queryRunner.query(`ALTER TABLE "competency_framework" DROP CONSTRAINT "FK_6454b449aac467522acb7e27373"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_7edf9d170dcfbab7b3b0966f60"`);
        await queryRunner.query(`ALTER TABLE "cohort" DROP COLUMN "competency_framework_id"`);
        await queryRunner.query(`DROP TABLE "draft"`);
        await queryRunner.query(`DROP INDEX "public"."training_plan_item_enrolment_month"`);
        await queryRunner.query(`DROP TABLE "training_plan_item"`);
        await queryRunner.query(`DROP TABLE "tna_rating"`);
        await queryRunner.query(`DROP TABLE "tna"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_08dc2b5e3acc50576014d64fc7"`);
        await queryRunner.query(`DROP TABLE "competency_review"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_1b4b3c3971f932d7c41f7f61f1"`);
        await queryRunner.query(`DROP TABLE "competency_evidence"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_1e4aa291143f9841ad3eb6dd37"`);
        await queryRunner.query(`DROP TABLE "evidence_file"`);
        await queryRunner.query(`DROP INDEX "public"."competency_progress_state_since"`);
        await queryRunner.query(`DROP TABLE "competency_progress"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_6454b449aac467522acb7e2737"`);
        await queryRunner.query(`DROP TABLE "competency_framework"`);
    }

}
