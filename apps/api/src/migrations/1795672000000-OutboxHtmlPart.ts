import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An e-mail's HTML part (issue #21): each message is rendered from one template per kind as its text and its HTML
 * alternative, both written to the outbox with the change that causes it. Null for messages queued before.
 */
export class OutboxHtmlPart1795672000000 implements MigrationInterface {
  name = 'OutboxHtmlPart1795672000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_message" ADD "html" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_message" DROP COLUMN "html"`);
  }
}
