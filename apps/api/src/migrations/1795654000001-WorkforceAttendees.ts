import { MigrationInterface, QueryRunner } from 'typeorm';

/** The wider support workforce at a session open to them, without programme accounts (issue #16, item 6). */
export class WorkforceAttendees1795654000001 implements MigrationInterface {
  name = 'WorkforceAttendees1795654000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "workforce_attendee" ("version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "full_name" text NOT NULL, "role" text NOT NULL, "organisation" text NOT NULL, "email" text NOT NULL, "attendance" text NOT NULL DEFAULT 'expected', CONSTRAINT "workforce_attendee_session_email" UNIQUE ("session_id", "email"), CONSTRAINT "workforce_attendee_role_check" CHECK (role IN ('care_navigator', 'cancer_support_worker', 'social_prescriber', 'therapy_assistant', 'health_care_assistant')), CONSTRAINT "workforce_attendee_attendance_check" CHECK (attendance IN ('expected', 'present', 'apologies', 'absent')), CONSTRAINT "PK_workforce_attendee" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_7945a878761e7c1aa3f873e8f2" ON "workforce_attendee" ("session_id") `);
    await queryRunner.query(
      `ALTER TABLE "workforce_attendee" ADD CONSTRAINT "FK_7945a878761e7c1aa3f873e8f22" FOREIGN KEY ("session_id") REFERENCES "session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "workforce_attendee"`);
  }
}
