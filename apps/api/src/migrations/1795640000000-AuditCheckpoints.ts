import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Signed checkpoints of the audit chain (apps/api/src/audit/audit-keys.ts): the chain's trigger is unkeyed, so the
 * API, which holds a key the database does not, signs its head. Append-only like the trail, by the same refusal.
 */
export class AuditCheckpoints1795640000000 implements MigrationInterface {
    name = 'AuditCheckpoints1795640000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "audit_checkpoint" ("id" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "chain_seq" bigint NOT NULL, "head_hash" text NOT NULL, "mac" text NOT NULL, CONSTRAINT "PK_9720e45bb755b61bb1ab7d43839" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "audit_checkpoint_chain_seq" ON "audit_checkpoint" ("chain_seq") `);
        await queryRunner.query(`CREATE FUNCTION audit_checkpoint_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit_checkpoint is append-only: % refused', TG_OP; END $$`);
        await queryRunner.query(`CREATE TRIGGER audit_checkpoint_append_only BEFORE UPDATE OR DELETE ON "audit_checkpoint" FOR EACH ROW EXECUTE FUNCTION audit_checkpoint_refuse_change()`);
        await queryRunner.query(`CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON "audit_checkpoint" FOR EACH STATEMENT EXECUTE FUNCTION audit_checkpoint_refuse_change()`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER audit_checkpoint_no_truncate ON "audit_checkpoint"`);
        await queryRunner.query(`DROP TRIGGER audit_checkpoint_append_only ON "audit_checkpoint"`);
        await queryRunner.query(`DROP FUNCTION audit_checkpoint_refuse_change()`);
        await queryRunner.query(`DROP INDEX "public"."audit_checkpoint_chain_seq"`);
        await queryRunner.query(`DROP TABLE "audit_checkpoint"`);
    }
}
