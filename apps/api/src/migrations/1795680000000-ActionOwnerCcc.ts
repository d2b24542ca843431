import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which CCC owns an agreed action (issue #20 item 6): in a group session of six "the CCC" named nobody. Actions
 * recorded before in a session with one CCC get that CCC; those of group sessions stay unnamed (null).
 */
export class ActionOwnerCcc1795680000000 implements MigrationInterface {
  name = 'ActionOwnerCcc1795680000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "agreed_action" ADD "owner_enrolment_id" uuid`);
    await queryRunner.query(
      `CREATE INDEX "IDX_9c145c2cf41d528db364c02a27" ON "agreed_action" ("owner_enrolment_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "agreed_action" ADD CONSTRAINT "FK_9c145c2cf41d528db364c02a27b" FOREIGN KEY ("owner_enrolment_id") REFERENCES "enrolment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `UPDATE agreed_action a SET owner_enrolment_id = one.enrolment_id
         FROM (SELECT session_id, min(enrolment_id::text)::uuid AS enrolment_id FROM session_attendance
                GROUP BY session_id HAVING count(*) = 1) one
        WHERE a.owner = 'ccc' AND a.session_id = one.session_id`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "agreed_action" DROP CONSTRAINT "FK_9c145c2cf41d528db364c02a27b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9c145c2cf41d528db364c02a27"`);
    await queryRunner.query(`ALTER TABLE "agreed_action" DROP COLUMN "owner_enrolment_id"`);
  }
}
