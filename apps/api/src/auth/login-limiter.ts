import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { API_CONFIG, type ApiConfig } from '../config';
import { TooMany } from '../common/domain-errors';

/** Failures are forgotten a day after the last one counted. */
const FORGET = `interval '1 day'`;
/** A pair that has signed in is remembered as the owner's usual address for this long after its last success. */
const REMEMBER_KNOWN = `interval '90 days'`;

type Kind = 'pair' | 'address' | 'account';

/** The wait once a counter of `hits` failures has reached its limit `x.lim`: 1 s, doubling, up to $4 seconds. */
const WAIT = `least($4::int, power(2, least(c.hits - x.lim, 30))) * interval '1 second'`;

/** What a reserved attempt needs for its outcome to be recorded. */
export interface LoginAttempt {
  keys: Record<Kind, string>;
  counted: Kind[];
}

/** 429 with the standard Retry-After (ApiExceptionFilter sets it from `retryAfterSeconds`). */
export class TooManyLoginAttempts extends TooMany {
  constructor(retryAfter: number) {
    super(`Too many sign-in attempts; try again in ${retryAfter} second${retryAfter === 1 ? '' : 's'}`, retryAfter);
  }
}

const hash = (kind: string, value: string) => createHash('sha256').update(`${kind}\n${value}`).digest('hex');

/**
 * Sign-in back-off, kept in PostgreSQL (the shared `rate_limit_counter` table) so every instance counts the same.
 *
 * Failures are counted per account and address together, per address across accounts, and per account from
 * every address. Once a counter reaches its limit each further attempt waits, 1 s doubling up to
 * `maxDelaySeconds`: an attacker slows down exponentially, whoever they guess and from however many addresses.
 * A pair that has signed in before (the owner at their usual address) counts only its own failures, so nobody
 * else's failures lock the owner out. Every attempt is counted before its password is checked (and handed back
 * if it succeeds), so a burst of parallel guesses cannot all slip through the moment a wait ends.
 */
@Injectable()
export class LoginLimiter {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /** Counts the attempt, or throws TooManyLoginAttempts if one of its counters is still waiting. */
  async reserve(email: string, address: string): Promise<LoginAttempt> {
    const account = email.trim().toLowerCase();
    const keys = {
      pair: hash('pair', `${account}\n${address}`),
      address: hash('address', address),
      account: hash('account', account),
    };
    const outcome = await this.db.transaction(async (manager) => {
      const [known] = (await manager.query(
        `SELECT 1 FROM rate_limit_counter WHERE throttler = 'login-known' AND key = $1 AND window_ends_at > now()`,
        [keys.pair],
      )) as unknown[];
      const attempt: LoginAttempt = { keys, counted: known ? ['pair'] : ['pair', 'address', 'account'] };
      const [throttlers, keyList] = this.counters(attempt, attempt.counted);
      // Create or lock each counter, always in this order (no deadlock), forgetting failures long past.
      const rows = (await manager.query(
        `INSERT INTO rate_limit_counter AS c (throttler, key, hits, window_ends_at)
           SELECT t, k, 0, now() FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS x(t, k, n) ORDER BY n
         ON CONFLICT (throttler, key) DO UPDATE SET
           hits = CASE WHEN c.window_ends_at <= now() AND coalesce(c.blocked_until <= now(), true) THEN 0
                       ELSE c.hits END
         RETURNING coalesce(ceil(extract(epoch FROM c.blocked_until - now())), 0)::int AS wait`,
        [throttlers, keyList],
      )) as { wait: number }[];
      const wait = Math.max(0, ...rows.map((row) => row.wait));
      if (wait > 0) return wait;
      await manager.query(
        `UPDATE rate_limit_counter AS c SET
           hits = c.hits + 1,
           window_ends_at = now() + ${FORGET},
           blocked_until = CASE WHEN c.hits + 1 >= x.lim
             THEN now() + least($4::int, power(2, least(c.hits + 1 - x.lim, 30))) * interval '1 second' END
         FROM unnest($1::text[], $2::text[], $3::int[]) AS x(t, k, lim)
         WHERE c.throttler = x.t AND c.key = x.k`,
        this.counters(attempt, attempt.counted),
      );
      return attempt;
    });
    if (typeof outcome === 'number') throw new TooManyLoginAttempts(outcome);
    return outcome;
  }

  /**
   * A failure's wait runs from its answer, not from when it was counted: checking a password takes a moment, and
   * the wait is what Retry-After promised.
   */
  async failed(attempt: LoginAttempt): Promise<void> {
    await this.db.query(
      `UPDATE rate_limit_counter AS c SET blocked_until = now() + ${WAIT}
         FROM unnest($1::text[], $2::text[], $3::int[]) AS x(t, k, lim)
         WHERE c.throttler = x.t AND c.key = x.k AND c.hits >= x.lim AND c.blocked_until IS NOT NULL`,
      this.counters(attempt, attempt.counted),
    );
  }

  /**
   * A success clears the pair's failures, remembers the pair as the owner's, and hands back the attempt counted
   * against the address and the account (with any wait that attempt alone started).
   */
  async succeeded(attempt: LoginAttempt): Promise<void> {
    await this.db.query(`DELETE FROM rate_limit_counter WHERE throttler = 'login-pair' AND key = $1`, [
      attempt.keys.pair,
    ]);
    await this.db.query(
      `INSERT INTO rate_limit_counter (throttler, key, hits, window_ends_at) VALUES ('login-known', $1, 0, now() + ${REMEMBER_KNOWN})
       ON CONFLICT (throttler, key) DO UPDATE SET window_ends_at = excluded.window_ends_at`,
      [attempt.keys.pair],
    );
    const refunds = attempt.counted.filter((kind) => kind !== 'pair');
    if (refunds.length > 0)
      await this.db.query(
        `UPDATE rate_limit_counter AS c SET
           hits = greatest(c.hits - 1, 0),
           blocked_until = CASE WHEN c.hits - 1 < x.lim THEN NULL ELSE c.blocked_until END
         FROM unnest($1::text[], $2::text[], $3::int[]) AS x(t, k, lim)
         WHERE c.throttler = x.t AND c.key = x.k`,
        this.counters(attempt, refunds).slice(0, 3),
      );
    // Now and then, forget counters long over, so the table stays the size of the recent traffic.
    if (Math.random() < 0.01)
      void this.db
        .query(
          `DELETE FROM rate_limit_counter WHERE window_ends_at < now() - interval '1 hour'
             AND coalesce(blocked_until < now(), true)`,
        )
        .catch(() => undefined);
  }

  /** The query parameters naming some of an attempt's counters: throttlers, keys, limits, and the longest wait. */
  private counters(attempt: LoginAttempt, kinds: Kind[]): [string[], string[], number[], number] {
    const limits = this.config.loginLimits;
    const limitOf: Record<Kind, number> = {
      pair: limits.pairFailures,
      address: limits.addressFailures,
      account: limits.accountFailures,
    };
    return [
      kinds.map((kind) => `login-${kind}`),
      kinds.map((kind) => attempt.keys[kind]),
      kinds.map((kind) => limitOf[kind]),
      limits.maxDelaySeconds,
    ];
  }
}
