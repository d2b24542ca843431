import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Two reminder kinds (#15): a handover record amended after it was signed asks its parties to sign again (item 1);
 * a later Table 2 duty that can now be confirmed (item 12).
 */
export class HandoverResign1795660000000 implements MigrationInterface {
    name = 'HandoverResign1795660000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "notification_kind_check"`);
        await queryRunner.query(`ALTER TABLE "notification" ADD CONSTRAINT "notification_kind_check" CHECK (kind IN ('session_tomorrow', 'slot_awaiting_pcn', 'evidence_awaiting_review', 'plan_month_ending', 'release_unconfirmed', 'handover_to_sign', 'duty_can_be_confirmed'))`);
        await queryRunner.query(`ALTER TABLE "notification_preference" DROP CONSTRAINT "notification_preference_kinds_check"`);
        await queryRunner.query(`ALTER TABLE "notification_preference" ADD CONSTRAINT "notification_preference_kinds_check" CHECK (disabled_kinds <@ ARRAY['session_tomorrow', 'slot_awaiting_pcn', 'evidence_awaiting_review', 'plan_month_ending', 'release_unconfirmed', 'handover_to_sign', 'duty_can_be_confirmed']::text[])`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`UPDATE "notification_preference" SET disabled_kinds = array_remove(array_remove(disabled_kinds, 'handover_to_sign'), 'duty_can_be_confirmed')`);
        await queryRunner.query(`ALTER TABLE "notification_preference" DROP CONSTRAINT "notification_preference_kinds_check"`);
        await queryRunner.query(`ALTER TABLE "notification_preference" ADD CONSTRAINT "notification_preference_kinds_check" CHECK (disabled_kinds <@ ARRAY['session_tomorrow', 'slot_awaiting_pcn', 'evidence_awaiting_review', 'plan_month_ending', 'release_unconfirmed']::text[])`);
        await queryRunner.query(`DELETE FROM "notification" WHERE kind IN ('handover_to_sign', 'duty_can_be_confirmed')`);
        await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "notification_kind_check"`);
        await queryRunner.query(`ALTER TABLE "notification" ADD CONSTRAINT "notification_kind_check" CHECK (kind IN ('session_tomorrow', 'slot_awaiting_pcn', 'evidence_awaiting_review', 'plan_month_ending', 'release_unconfirmed'))`);
    }
}
