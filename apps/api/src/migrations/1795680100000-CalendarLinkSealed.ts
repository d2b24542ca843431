import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The calendar address shown again (issue #20 item 5): its token is kept sealed for its owner. Addresses made before
 * have none; their owner sees them as on, and replaces one to see its address.
 */
export class CalendarLinkSealed1795680100000 implements MigrationInterface {
  name = 'CalendarLinkSealed1795680100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "calendar_feed" ADD "token_sealed" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "calendar_feed" DROP COLUMN "token_sealed"`);
  }
}
