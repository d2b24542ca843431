import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An e-mail's iCalendar part (issue #21): a session's invitation, update or cancellation (iTIP METHOD:REQUEST or
 * CANCEL) travels with its message through the outbox, written in the same transaction as the change.
 */
export class OutboxCalendarPart1795668000000 implements MigrationInterface {
  name = 'OutboxCalendarPart1795668000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_message" ADD "calendar" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_message" DROP COLUMN "calendar"`);
  }
}
