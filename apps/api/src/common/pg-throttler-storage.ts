import type { ThrottlerStorage } from '@nestjs/throttler';
import type { DataSource } from 'typeorm';
import { oneRow } from './one-row';

/** What @nestjs/throttler expects back from a storage (its ThrottlerStorageRecord). */
interface ThrottlerRecord {
  totalHits: number;
  timeToExpire: number;
  isBlocked: boolean;
  timeToBlockExpire: number;
}

/**
 * Rate-limit counters shared by every API instance, in one UNLOGGED table: a fixed window per (throttler, key),
 * counted and decided in a single upsert so that concurrent requests on any instance never lose a hit. Going over
 * the limit blocks the key for `blockDuration`; the window restarts once both the window and any block are over.
 */
export class PgThrottlerStorage implements ThrottlerStorage {
  constructor(private readonly db: DataSource) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerRecord> {
    const rows = (await this.db.query(
      `WITH hit AS (
         INSERT INTO rate_limit_counter AS c (throttler, key, hits, window_ends_at, blocked_until)
         VALUES ($1, $2, 1, now() + $3 * interval '1 millisecond',
                 CASE WHEN 1 > $4 THEN now() + $5 * interval '1 millisecond' END)
         ON CONFLICT (throttler, key) DO UPDATE SET
           hits = CASE WHEN c.window_ends_at <= now() AND coalesce(c.blocked_until <= now(), true) THEN 1
                       ELSE c.hits + 1 END,
           window_ends_at = CASE WHEN c.window_ends_at <= now() AND coalesce(c.blocked_until <= now(), true)
                                 THEN now() + $3 * interval '1 millisecond' ELSE c.window_ends_at END,
           blocked_until = CASE
             WHEN c.window_ends_at <= now() AND coalesce(c.blocked_until <= now(), true) THEN
               CASE WHEN 1 > $4 THEN now() + $5 * interval '1 millisecond' END
             WHEN c.blocked_until > now() THEN c.blocked_until
             WHEN c.hits + 1 > $4 THEN now() + $5 * interval '1 millisecond'
           END
         RETURNING hits, window_ends_at, blocked_until)
       SELECT hits,
              ceil(extract(epoch FROM window_ends_at - now()))::int AS "timeToExpire",
              coalesce(ceil(extract(epoch FROM blocked_until - now()))::int, 0) AS "timeToBlockExpire"
         FROM hit`,
      [throttlerName, key, ttl, limit, blockDuration],
    )) as { hits: number; timeToExpire: number; timeToBlockExpire: number }[];
    const row = oneRow(rows);
    // Now and then, forget counters long over, so the table stays the size of the recent traffic.
    if (Math.random() < 0.01)
      void this.db
        .query(
          `DELETE FROM rate_limit_counter WHERE window_ends_at < now() - interval '1 hour'
             AND coalesce(blocked_until < now(), true)`,
        )
        .catch(() => undefined);
    return {
      totalHits: row.hits,
      timeToExpire: Math.max(0, row.timeToExpire),
      isBlocked: row.timeToBlockExpire > 0,
      timeToBlockExpire: Math.max(0, row.timeToBlockExpire),
    };
  }
}
