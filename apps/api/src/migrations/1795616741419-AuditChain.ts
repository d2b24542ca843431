import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * A hash chain over the audit trail, kept by the database itself: a BEFORE INSERT trigger numbers each entry
 * and hashes its content with the previous entry's hash, so that rewriting any entry is detectable
 * (GET /api/audit/verify). Entries written before this migration are chained in id order.
 */
export class AuditChain1795616741419 implements MigrationInterface {
    name = 'AuditChain1795616741419'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "audit_entry" ADD "chain_seq" bigint`);
        await queryRunner.query(`ALTER TABLE "audit_entry" ADD "prev_hash" text`);
        await queryRunner.query(`ALTER TABLE "audit_entry" ADD "hash" text`);
        // One definition of the hash, used by the trigger and by the verification; the time is written in UTC
        // so that no session setting changes the text that is hashed.
        await queryRunner.query(`CREATE FUNCTION audit_entry_hash(prev text, seq bigint, at timestamptz, actor uuid, action text, entity_type text, entity_id text, detail jsonb)
            RETURNS text LANGUAGE sql IMMUTABLE AS $$
              SELECT encode(sha256(convert_to(concat_ws('|', prev, seq::text, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), coalesce(actor::text, ''), action, entity_type, entity_id, detail::text), 'UTF8')), 'hex')
            $$`);
        await queryRunner.query(`ALTER TABLE "audit_entry" DISABLE TRIGGER audit_entry_append_only`);
        await queryRunner.query(`DO $$ DECLARE r record; previous text := repeat('0', 64); n bigint := 0; BEGIN
              FOR r IN SELECT * FROM audit_entry ORDER BY id LOOP
                n := n + 1;
                UPDATE audit_entry SET chain_seq = n, prev_hash = previous,
                       hash = audit_entry_hash(previous, n, r.at, r.actor_id, r.action, r.entity_type, r.entity_id, r.detail)
                 WHERE id = r.id RETURNING hash INTO previous;
              END LOOP;
            END $$`);
        await queryRunner.query(`ALTER TABLE "audit_entry" ENABLE TRIGGER audit_entry_append_only`);
        await queryRunner.query(`ALTER TABLE "audit_entry" ALTER COLUMN "chain_seq" SET NOT NULL`);
        await queryRunner.query(`ALTER TABLE "audit_entry" ALTER COLUMN "prev_hash" SET NOT NULL`);
        await queryRunner.query(`ALTER TABLE "audit_entry" ALTER COLUMN "hash" SET NOT NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "audit_entry_chain_seq" ON "audit_entry" ("chain_seq") `);
        // Entries are chained one at a time: the lock is held to the end of the writing transaction.
        await queryRunner.query(`CREATE FUNCTION audit_entry_chain() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE last_seq bigint; last_hash text;
            BEGIN
              PERFORM pg_advisory_xact_lock(hashtextextended('audit_entry_chain', 0));
              SELECT chain_seq, hash INTO last_seq, last_hash FROM audit_entry ORDER BY chain_seq DESC LIMIT 1;
              NEW.chain_seq := coalesce(last_seq, 0) + 1;
              NEW.prev_hash := coalesce(last_hash, repeat('0', 64));
              NEW.hash := audit_entry_hash(NEW.prev_hash, NEW.chain_seq, NEW.at, NEW.actor_id, NEW.action, NEW.entity_type, NEW.entity_id, NEW.detail);
              RETURN NEW;
            END $$`);
        await queryRunner.query(`CREATE TRIGGER audit_entry_chain BEFORE INSERT ON "audit_entry" FOR EACH ROW EXECUTE FUNCTION audit_entry_chain()`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER audit_entry_chain ON "audit_entry"`);
        await queryRunner.query(`DROP FUNCTION audit_entry_chain()`);
        await queryRunner.query(`DROP INDEX "public"."audit_entry_chain_seq"`);
        await queryRunner.query(`ALTER TABLE "audit_entry" DROP COLUMN "hash"`);
        await queryRunner.query(`ALTER TABLE "audit_entry" DROP COLUMN "prev_hash"`);
        await queryRunner.query(`ALTER TABLE "audit_entry" DROP COLUMN "chain_seq"`);
        await queryRunner.query(`DROP FUNCTION audit_entry_hash(text, bigint, timestamptz, uuid, text, text, text, jsonb)`);
    }
}
