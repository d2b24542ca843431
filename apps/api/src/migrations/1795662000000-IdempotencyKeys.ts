import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The first answer to each create request sent with an `Idempotency-Key` (issue #18 item 1), kept 24 hours so that a
 * retry gets it again instead of creating a second record. No entity: only idempotency/idempotency.service.ts reads
 * it, with plain SQL.
 */
export class IdempotencyKeys1795662000000 implements MigrationInterface {
    name = 'IdempotencyKeys1795662000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "idempotency_key" ("scope" text NOT NULL, "method" text NOT NULL, "path" text NOT NULL, "key" text NOT NULL, "fingerprint" text NOT NULL, "owner" uuid NOT NULL, "locked_until" TIMESTAMP WITH TIME ZONE NOT NULL, "effect_committed" boolean NOT NULL DEFAULT false, "response_status" integer, "response_body" jsonb, "response_headers" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_idempotency_key" PRIMARY KEY ("scope", "method", "path", "key"))`);
        await queryRunner.query(`CREATE INDEX "idempotency_key_created_at" ON "idempotency_key" ("created_at")`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "idempotency_key"`);
    }
}
