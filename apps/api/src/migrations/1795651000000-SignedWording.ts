import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The wording of a competency as it was signed off (#15 item 9): a later framework version may reword it, and what
 * was signed keeps the words signed.
 */
export class SignedWording1795651000000 implements MigrationInterface {
    name = 'SignedWording1795651000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "competency_review" ADD "signed_wording" jsonb`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "competency_review" DROP COLUMN "signed_wording"`);
    }
}
