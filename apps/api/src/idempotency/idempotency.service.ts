import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Conflict } from '../common/domain-errors';

/** How long a key and its answer are kept: a retry after that is a new request. */
export const IDEMPOTENCY_TTL_HOURS = 24;

/** One request's hold on its key, from the claim until its answer is stored or the key released. */
export interface Claim {
  scope: string;
  method: string;
  path: string;
  key: string;
  /** Changes when a retry takes over a claim abandoned by a crashed instance: the old holder then writes nothing. */
  owner: string;
  open: boolean;
}

export interface StoredAnswer {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

export type ClaimOutcome =
  | { kind: 'claimed'; claim: Claim }
  | { kind: 'replay'; answer: StoredAnswer }
  /** The same key came with another request body. */
  | { kind: 'mismatch' }
  /** Another request with this key is being worked on now. */
  | { kind: 'in-flight' }
  /** The first request's writes committed but its instance died before storing the answer: never run it again. */
  | { kind: 'answer-lost' };

interface KeyRow {
  owner: string;
  fingerprint: string;
  response_status: number | null;
  response_body: unknown;
  response_headers: Record<string, string> | null;
  effect_committed: boolean;
  lapsed: boolean;
}

/** Rows changed by an UPDATE or DELETE: TypeORM's postgres driver answers `[rows, rowCount]` for those. */
function rowCount(result: unknown): number {
  return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
}

/** Deletes the keys older than 24 hours (the nightly retention job calls it); returns how many. */
export async function purgeExpiredIdempotencyKeys(db: DataSource): Promise<number> {
  const result: unknown = await db.query(
    `DELETE FROM idempotency_key WHERE created_at < now() - make_interval(hours => $1)`,
    [IDEMPOTENCY_TTL_HOURS],
  );
  return rowCount(result);
}

/**
 * The store behind `Idempotency-Key` (idempotency.interceptor.ts), in PostgreSQL so that it holds across instances
 * and restarts.
 *
 * A claim is an upsert on the key's primary key, so of any number of concurrent requests with one key exactly one
 * runs. The claim is committed at once (it holds no connection while the handler runs) with a lease
 * (`IDEMPOTENCY_LEASE_MS`, 10 s by default). Every transaction the handler runs (`DataSource.transaction`, which
 * every service uses for its writes) also marks the claim `effect_committed` just before it commits, in that same
 * transaction. So if the instance dies mid-request, a retry after the lease either runs the request again (nothing
 * of it committed) or answers 409 (it committed, the answer was lost), and never creates a second record. A retry
 * that takes over an abandoned claim changes its owner, so a first holder still running makes its transaction fail
 * rather than commit a duplicate.
 */
@Injectable()
export class IdempotencyService implements OnModuleInit {
  private readonly current = new AsyncLocalStorage<Claim>();
  private readonly leaseMs = Number(process.env['IDEMPOTENCY_LEASE_MS'] ?? 10_000);

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  onModuleInit(): void {
    const original = this.db.transaction.bind(this.db) as (...args: unknown[]) => Promise<unknown>;
    // Wraps the instance's method rather than every service: a handler run under a claim marks it in each of its
    // transactions; everything else is untouched.
    (this.db as unknown as { transaction: (...args: unknown[]) => Promise<unknown> }).transaction = (
      ...args: unknown[]
    ) => {
      const claim = this.current.getStore();
      if (!claim) return original(...args);
      const work = args[args.length - 1] as (manager: EntityManager) => Promise<unknown>;
      const marked = async (manager: EntityManager) => {
        const result = await work(manager);
        await this.markEffect(manager, claim);
        return result;
      };
      return original(...args.slice(0, -1), marked);
    };
  }

  /** Runs `fn` (the handler) under the claim, so that its transactions mark it. */
  run<T>(claim: Claim, fn: () => T): T {
    return this.current.run(claim, fn);
  }

  async claim(scope: string, method: string, path: string, key: string, fingerprint: string): Promise<ClaimOutcome> {
    // Twice at most: a key released (a 4xx) between the upsert and the read is free again.
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const owner = randomUUID();
      const taken = (await this.db.query(
        `INSERT INTO idempotency_key AS k (scope, method, path, key, fingerprint, owner, locked_until)
         VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(secs => $7::double precision / 1000))
         ON CONFLICT (scope, method, path, key) DO UPDATE
           SET fingerprint = EXCLUDED.fingerprint, owner = EXCLUDED.owner, locked_until = EXCLUDED.locked_until,
               effect_committed = false, response_status = NULL, response_body = NULL, response_headers = NULL,
               created_at = now()
           -- An expired key is a new request; an abandoned claim (its lease over, nothing committed) is retried.
           WHERE k.created_at < now() - make_interval(hours => $8)
              OR (k.response_status IS NULL AND NOT k.effect_committed AND k.locked_until < now()
                  AND k.fingerprint = EXCLUDED.fingerprint)
         RETURNING owner`,
        [scope, method, path, key, fingerprint, owner, this.leaseMs, IDEMPOTENCY_TTL_HOURS],
      )) as { owner: string }[];
      if (taken[0]?.owner === owner) return { kind: 'claimed', claim: { scope, method, path, key, owner, open: true } };
      const [row] = (await this.db.query(
        `SELECT owner, fingerprint, response_status, response_body, response_headers, effect_committed,
                locked_until < now() AS lapsed
           FROM idempotency_key WHERE scope = $1 AND method = $2 AND path = $3 AND key = $4`,
        [scope, method, path, key],
      )) as KeyRow[];
      if (!row) continue;
      if (row.fingerprint !== fingerprint) return { kind: 'mismatch' };
      if (row.response_status !== null)
        return {
          kind: 'replay',
          answer: { status: row.response_status, body: row.response_body, headers: row.response_headers ?? {} },
        };
      // Committed but no answer yet: still being answered within its lease; lost with its instance after it.
      return { kind: row.effect_committed && row.lapsed ? 'answer-lost' : 'in-flight' };
    }
    return { kind: 'in-flight' };
  }

  /** Keeps the answer for the key's 24 hours. */
  async complete(claim: Claim, answer: StoredAnswer): Promise<void> {
    claim.open = false;
    await this.db.query(
      `UPDATE idempotency_key SET response_status = $6, response_body = $7::jsonb, response_headers = $8::jsonb
        WHERE scope = $1 AND method = $2 AND path = $3 AND key = $4 AND owner = $5`,
      [
        claim.scope,
        claim.method,
        claim.path,
        claim.key,
        claim.owner,
        answer.status,
        JSON.stringify(answer.body ?? null),
        JSON.stringify(answer.headers),
      ],
    );
  }

  /** Frees the key after an answer that is not kept (an error) — unless the request's writes committed anyway. */
  async release(claim: Claim): Promise<void> {
    claim.open = false;
    await this.db.query(
      `DELETE FROM idempotency_key
        WHERE scope = $1 AND method = $2 AND path = $3 AND key = $4 AND owner = $5 AND NOT effect_committed`,
      [claim.scope, claim.method, claim.path, claim.key, claim.owner],
    );
  }

  /** In the handler's own transaction: this claim's writes are committing. */
  private async markEffect(manager: EntityManager, claim: Claim): Promise<void> {
    // Work the handler left running after its answer (none should) does not touch a closed claim.
    if (!claim.open) return;
    const result: unknown = await manager.query(
      `UPDATE idempotency_key SET effect_committed = true
        WHERE scope = $1 AND method = $2 AND path = $3 AND key = $4 AND owner = $5`,
      [claim.scope, claim.method, claim.path, claim.key, claim.owner],
    );
    if (rowCount(result) === 0)
      throw new Conflict('A retry of this request took over while it was running: it was not carried out');
  }
}
