import { MigrationInterface, QueryRunner } from "typeorm";

export class Initial1795613422671 implements MigrationInterface {
    name = 'Initial1795613422671'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "audit_entry" ("id" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "action" text NOT NULL, "entity_type" text NOT NULL, "entity_id" text NOT NULL, "detail" jsonb NOT NULL, CONSTRAINT "PK_58a130a4b9da189f46ba2a01801" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "audit_entry_entity" ON "audit_entry" ("entity_type", "entity_id") `);
        await queryRunner.query(`CREATE TABLE "organisation" ("version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "name" text NOT NULL, "parent_id" uuid, CONSTRAINT "organisation_kind_check" CHECK (kind IN ('alliance', 'pcn', 'practice')), CONSTRAINT "PK_c725ae234ef1b74cce43d2d00c1" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_c4ba39f5697ec0cd6e03314b61" ON "organisation" ("parent_id") `);
        await queryRunner.query(`CREATE TABLE "role_assignment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "role" text NOT NULL, "organisation_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "role_assignment_unique" UNIQUE ("person_id", "role", "organisation_id"), CONSTRAINT "role_assignment_role_check" CHECK (role IN ('admin', 'alliance_supervisor', 'pcn_supervisor', 'ccc')), CONSTRAINT "PK_7e79671a8a5db18936173148cb4" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_3cd38d4874c2cfff2c8eade133" ON "role_assignment" ("person_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_68286e4b4a5a7b148da9d5d7c7" ON "role_assignment" ("organisation_id") `);
        await queryRunner.query(`CREATE TABLE "person" ("version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "full_name" text NOT NULL, "password_hash" text, CONSTRAINT "UQ_d2d717efd90709ebd3cb26b936c" UNIQUE ("email"), CONSTRAINT "PK_5fdaf670315c4b7e70cce85daa3" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "programme_template" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "alliance_id" uuid NOT NULL, "key" text NOT NULL, "version" integer NOT NULL, "name" text NOT NULL, "definition" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "programme_template_key_version" UNIQUE ("alliance_id", "key", "version"), CONSTRAINT "PK_e9c941dc8819fdd5cd632103008" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_532bd03abac12df20142e1dcd8" ON "programme_template" ("alliance_id") `);
        await queryRunner.query(`CREATE TABLE "cohort" ("version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "alliance_id" uuid NOT NULL, "template_id" uuid NOT NULL, "start_date" date NOT NULL, CONSTRAINT "PK_4fb3cca38dc4b461110344e5f9b" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_8d36b900880853af081872e4bb" ON "cohort" ("alliance_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_292eb91a7a5bfbf944fa8d2fb6" ON "cohort" ("template_id") `);
        await queryRunner.query(`CREATE TABLE "enrolment" ("version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "cohort_id" uuid NOT NULL, "ccc_id" uuid NOT NULL, "pcn_id" uuid NOT NULL, "pcn_supervisor_id" uuid, "alliance_supervisor_id" uuid, "track" text NOT NULL, "employment_start" date NOT NULL, "status" text NOT NULL DEFAULT 'active', CONSTRAINT "enrolment_cohort_ccc" UNIQUE ("cohort_id", "ccc_id"), CONSTRAINT "enrolment_status_check" CHECK (status IN ('active', 'completed', 'withdrawn')), CONSTRAINT "enrolment_track_check" CHECK (track IN ('supervision', 'training')), CONSTRAINT "PK_5d2679f6c891d77c58aa0e05f2b" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_98ebe52a3f2114097575d908ec" ON "enrolment" ("ccc_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_85735e130ce31b5cd1623733d0" ON "enrolment" ("pcn_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_11433357a65845479ed2461d74" ON "enrolment" ("pcn_supervisor_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_9e0c1879332efc21466e53087b" ON "enrolment" ("alliance_supervisor_id") `);
        await queryRunner.query(`CREATE TABLE "session" ("version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "cohort_id" uuid NOT NULL, "enrolment_id" uuid, "plan_item_key" text NOT NULL, "month" integer NOT NULL, "kind" text NOT NULL, "title" text NOT NULL, "purpose" text NOT NULL, "participants" jsonb NOT NULL, "min_minutes" integer NOT NULL, "max_minutes" integer NOT NULL, "mode" text NOT NULL, "shared_by_cohort" boolean NOT NULL, "status" text NOT NULL DEFAULT 'planned', "starts_at" TIMESTAMP WITH TIME ZONE, "duration_minutes" integer, CONSTRAINT "session_mode_check" CHECK (mode IN ('virtual', 'face_to_face')), CONSTRAINT "session_status_check" CHECK (status IN ('planned', 'scheduled', 'completed', 'cancelled', 'missed')), CONSTRAINT "PK_f55da76ac1c3ac420f444d2ff11" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_eee03d824c14a2a9c9c566ccb1" ON "session" ("cohort_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "session_enrolment_item_unique" ON "session" ("enrolment_id", "plan_item_key") WHERE enrolment_id IS NOT NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "session_cohort_item_unique" ON "session" ("cohort_id", "plan_item_key") WHERE enrolment_id IS NULL`);
        await queryRunner.query(`CREATE TABLE "session_attendance" ("version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "enrolment_id" uuid NOT NULL, "attendance" text NOT NULL DEFAULT 'expected', CONSTRAINT "session_attendance_unique" UNIQUE ("session_id", "enrolment_id"), CONSTRAINT "session_attendance_check" CHECK (attendance IN ('expected', 'present', 'apologies', 'absent')), CONSTRAINT "PK_bc946a8e6bc80fd2531356f89e6" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_ad1791f17698af10db947cc338" ON "session_attendance" ("enrolment_id") `);
        await queryRunner.query(`CREATE TABLE "cohort_supervisor" ("cohort_id" uuid NOT NULL, "person_id" uuid NOT NULL, CONSTRAINT "PK_f138dd6034bbed5a73a6ec65bf6" PRIMARY KEY ("cohort_id", "person_id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_f99f343d2b4239c80debd7c747" ON "cohort_supervisor" ("cohort_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_99d1a5a6089ec765d1a5a204ca" ON "cohort_supervisor" ("person_id") `);
        await queryRunner.query(`ALTER TABLE "organisation" ADD CONSTRAINT "FK_c4ba39f5697ec0cd6e03314b616" FOREIGN KEY ("parent_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "role_assignment" ADD CONSTRAINT "FK_3cd38d4874c2cfff2c8eade1338" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "role_assignment" ADD CONSTRAINT "FK_68286e4b4a5a7b148da9d5d7c72" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "programme_template" ADD CONSTRAINT "FK_532bd03abac12df20142e1dcd87" FOREIGN KEY ("alliance_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "cohort" ADD CONSTRAINT "FK_8d36b900880853af081872e4bb3" FOREIGN KEY ("alliance_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "cohort" ADD CONSTRAINT "FK_292eb91a7a5bfbf944fa8d2fb60" FOREIGN KEY ("template_id") REFERENCES "programme_template"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "enrolment" ADD CONSTRAINT "FK_649944e35911addb4512719a32a" FOREIGN KEY ("cohort_id") REFERENCES "cohort"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "enrolment" ADD CONSTRAINT "FK_98ebe52a3f2114097575d908ecb" FOREIGN KEY ("ccc_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "enrolment" ADD CONSTRAINT "FK_85735e130ce31b5cd1623733d08" FOREIGN KEY ("pcn_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "enrolment" ADD CONSTRAINT "FK_11433357a65845479ed2461d74b" FOREIGN KEY ("pcn_supervisor_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "enrolment" ADD CONSTRAINT "FK_9e0c1879332efc21466e53087bc" FOREIGN KEY ("alliance_supervisor_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "session" ADD CONSTRAINT "FK_eee03d824c14a2a9c9c566ccb16" FOREIGN KEY ("cohort_id") REFERENCES "cohort"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "session" ADD CONSTRAINT "FK_91a896659f53a0412b7857c6d23" FOREIGN KEY ("enrolment_id") REFERENCES "enrolment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "session_attendance" ADD CONSTRAINT "FK_fe13eeaaceb32f7ef9a269e1af2" FOREIGN KEY ("session_id") REFERENCES "session"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "session_attendance" ADD CONSTRAINT "FK_ad1791f17698af10db947cc3381" FOREIGN KEY ("enrolment_id") REFERENCES "enrolment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "cohort_supervisor" ADD CONSTRAINT "FK_f99f343d2b4239c80debd7c747d" FOREIGN KEY ("cohort_id") REFERENCES "cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE`);
        await queryRunner.query(`ALTER TABLE "cohort_supervisor" ADD CONSTRAINT "FK_99d1a5a6089ec765d1a5a204ca4" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE`);
        // The audit trail is append-only in the database itself, whatever the application does.
        await queryRunner.query(`CREATE FUNCTION audit_entry_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit_entry is append-only: % refused', TG_OP; END $$`);
        await queryRunner.query(`CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON "audit_entry" FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change()`);
        await queryRunner.query(`CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON "audit_entry" FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse_change()`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER audit_entry_no_truncate ON "audit_entry"`);
        await queryRunner.query(`DROP TRIGGER audit_entry_append_only ON "audit_entry"`);
        await queryRunner.query(`DROP FUNCTION audit_entry_refuse_change()`);
        await queryRunner.query(`ALTER TABLE "cohort_supervisor" DROP CONSTRAINT "FK_99d1a5a6089ec765d1a5a204ca4"`);
        await queryRunner.query(`ALTER TABLE "cohort_supervisor" DROP CONSTRAINT "FK_f99f343d2b4239c80debd7c747d"`);
        await queryRunner.query(`ALTER TABLE "session_attendance" DROP CONSTRAINT "FK_ad1791f17698af10db947cc3381"`);
        await queryRunner.query(`ALTER TABLE "session_attendance" DROP CONSTRAINT "FK_fe13eeaaceb32f7ef9a269e1af2"`);
        await queryRunner.query(`ALTER TABLE "session" DROP CONSTRAINT "FK_91a896659f53a0412b7857c6d23"`);
        await queryRunner.query(`ALTER TABLE "session" DROP CONSTRAINT "FK_eee03d824c14a2a9c9c566ccb16"`);
        await queryRunner.query(`ALTER TABLE "enrolment" DROP CONSTRAINT "FK_9e0c1879332efc21466e53087bc"`);
        await queryRunner.query(`ALTER TABLE "enrolment" DROP CONSTRAINT "FK_11433357a65845479ed2461d74b"`);
        await queryRunner.query(`ALTER TABLE "enrolment" DROP CONSTRAINT "FK_85735e130ce31b5cd1623733d08"`);
        await queryRunner.query(`ALTER TABLE "enrolment" DROP CONSTRAINT "FK_98ebe52a3f2114097575d908ecb"`);
        await queryRunner.query(`ALTER TABLE "enrolment" DROP CONSTRAINT "FK_649944e35911addb4512719a32a"`);
        await queryRunner.query(`ALTER TABLE "cohort" DROP CONSTRAINT "FK_292eb91a7a5bfbf944fa8d2fb60"`);
        await queryRunner.query(`ALTER TABLE "cohort" DROP CONSTRAINT "FK_8d36b900880853af081872e4bb3"`);
        await queryRunner.query(`ALTER TABLE "programme_template" DROP CONSTRAINT "FK_532bd03abac12df20142e1dcd87"`);
        await queryRunner.query(`ALTER TABLE "role_assignment" DROP CONSTRAINT "FK_68286e4b4a5a7b148da9d5d7c72"`);
        await queryRunner.query(`ALTER TABLE "role_assignment" DROP CONSTRAINT "FK_3cd38d4874c2cfff2c8eade1338"`);
        await queryRunner.query(`ALTER TABLE "organisation" DROP CONSTRAINT "FK_c4ba39f5697ec0cd6e03314b616"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_99d1a5a6089ec765d1a5a204ca"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_f99f343d2b4239c80debd7c747"`);
        await queryRunner.query(`DROP TABLE "cohort_supervisor"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_ad1791f17698af10db947cc338"`);
        await queryRunner.query(`DROP TABLE "session_attendance"`);
        await queryRunner.query(`DROP INDEX "public"."session_cohort_item_unique"`);
        await queryRunner.query(`DROP INDEX "public"."session_enrolment_item_unique"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_eee03d824c14a2a9c9c566ccb1"`);
        await queryRunner.query(`DROP TABLE "session"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_9e0c1879332efc21466e53087b"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_11433357a65845479ed2461d74"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_85735e130ce31b5cd1623733d0"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_98ebe52a3f2114097575d908ec"`);
        await queryRunner.query(`DROP TABLE "enrolment"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_292eb91a7a5bfbf944fa8d2fb6"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_8d36b900880853af081872e4bb"`);
        await queryRunner.query(`DROP TABLE "cohort"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_532bd03abac12df20142e1dcd8"`);
        await queryRunner.query(`DROP TABLE "programme_template"`);
        await queryRunner.query(`DROP TABLE "person"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_68286e4b4a5a7b148da9d5d7c7"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_3cd38d4874c2cfff2c8eade133"`);
        await queryRunner.query(`DROP TABLE "role_assignment"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_c4ba39f5697ec0cd6e03314b61"`);
        await queryRunner.query(`DROP TABLE "organisation"`);
        await queryRunner.query(`DROP INDEX "public"."audit_entry_entity"`);
        await queryRunner.query(`DROP TABLE "audit_entry"`);
    }

}
