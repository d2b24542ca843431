import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The administration life cycle (#16, items 1–4): closing cohorts and PCNs, deactivating accounts, and a new
 * e-mail address waiting for its owner's confirmation (by a one-time link).
 */
export class Administration1795653000000 implements MigrationInterface {
    name = 'Administration1795653000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "cohort" ADD "closed_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "organisation" ADD "closed_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "person" ADD "deactivated_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "person" ADD "pending_email" text`);
        await queryRunner.query(`ALTER TABLE "action_link" DROP CONSTRAINT "action_link_purpose_check"`);
        await queryRunner.query(`ALTER TABLE "action_link" ADD CONSTRAINT "action_link_purpose_check" CHECK (purpose IN ('release_request', 'session_slot', 'set_password', 'accept_role', 'confirm_email'))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DELETE FROM "action_link" WHERE purpose = 'confirm_email'`);
        await queryRunner.query(`ALTER TABLE "action_link" DROP CONSTRAINT "action_link_purpose_check"`);
        await queryRunner.query(`ALTER TABLE "action_link" ADD CONSTRAINT "action_link_purpose_check" CHECK (purpose IN ('release_request', 'session_slot', 'set_password', 'accept_role'))`);
        await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "pending_email"`);
        await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "deactivated_at"`);
        await queryRunner.query(`ALTER TABLE "organisation" DROP COLUMN "closed_at"`);
        await queryRunner.query(`ALTER TABLE "cohort" DROP COLUMN "closed_at"`);
    }
}
