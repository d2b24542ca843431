import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Rate-limit counters in PostgreSQL, so that every API instance counts the same sign-in attempts (an in-memory
 * counter per instance would multiply the limit by the number of instances). UNLOGGED: counters are worth losing
 * in a crash in exchange for no WAL traffic on every sign-in. No TypeORM entity: only the storage touches it.
 */
export class RateLimits1795621976460 implements MigrationInterface {
    name = 'RateLimits1795621976460'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE UNLOGGED TABLE "rate_limit_counter" ("throttler" text NOT NULL, "key" text NOT NULL, "hits" integer NOT NULL, "window_ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "blocked_until" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_rate_limit_counter" PRIMARY KEY ("throttler", "key"))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "rate_limit_counter"`);
    }
}
