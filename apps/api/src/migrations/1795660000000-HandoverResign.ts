import { MigrationInterface, QueryRunner } from "typeorm";

/** A reminder kind for a handover record amended after it was signed, asking its parties to sign again (#15 item 1). */
export class HandoverResign1795660000000 implements MigrationInterface {
    name = 'HandoverResign1795660000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "notification_kind_check"`);
        await queryRunner.query(`ALTER TABLE "notification" ADD CONSTRAINT "notification_kind_check" CHECK (kind IN ('session_tomorrow', 'slot_awaiting_pcn', 'evidence_awaiting_review', 'plan_month_ending', 'release_unconfirmed', 'handover_to_sign'))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DELETE FROM "notification" WHERE kind = 'handover_to_sign'`);
        await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "notification_kind_check"`);
        await queryRunner.query(`ALTER TABLE "notification" ADD CONSTRAINT "notification_kind_check" CHECK (kind IN ('session_tomorrow', 'slot_awaiting_pcn', 'evidence_awaiting_review', 'plan_month_ending', 'release_unconfirmed'))`);
    }
}
