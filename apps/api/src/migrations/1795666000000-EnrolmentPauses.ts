import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An enrolment's pauses, and the supervisors it had before a change, with the date they stopped (issue #16,
 * item 4). Both are short lists read with the enrolment itself, so they sit on its row rather than in tables of
 * their own (no extra query on the caseload or the reports).
 */
export class EnrolmentPauses1795666000000 implements MigrationInterface {
  name = 'EnrolmentPauses1795666000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "enrolment" ADD "pauses" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "enrolment" ADD "former_supervisors" jsonb NOT NULL DEFAULT '[]'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "enrolment" DROP COLUMN "former_supervisors"`);
    await queryRunner.query(`ALTER TABLE "enrolment" DROP COLUMN "pauses"`);
  }
}
