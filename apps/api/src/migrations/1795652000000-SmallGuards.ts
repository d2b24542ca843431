import { MigrationInterface, QueryRunner } from "typeorm";

/** One key per study-time form, so that a double submit logs the time once (#15 item 13). */
export class SmallGuards1795652000000 implements MigrationInterface {
    name = 'SmallGuards1795652000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "release_request" ADD "request_key" uuid`);
        await queryRunner.query(`CREATE UNIQUE INDEX "release_request_key_unique" ON "release_request" ("enrolment_id", "request_key") WHERE request_key IS NOT NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."release_request_key_unique"`);
        await queryRunner.query(`ALTER TABLE "release_request" DROP COLUMN "request_key"`);
    }
}
