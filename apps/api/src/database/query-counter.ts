import type { Logger, QueryRunner } from 'typeorm';
import { isDatabaseUnavailable } from './outage';

/**
 * Counts the SQL statements the API sends, so a test can prove that a timeline costs the same number of queries
 * whatever its size (no N+1), and logs failures and slow queries.
 */
export class QueryCounter implements Logger {
  private count = 0;

  get total(): number {
    return this.count;
  }

  logQuery(): void {
    this.count++;
  }

  logQueryError(error: string | Error, query: string): void {
    // An unreachable database is logged once per outage (outage.ts), not once per query.
    if (isDatabaseUnavailable(typeof error === 'string' ? { message: error } : error)) return;
    console.error(JSON.stringify({ level: 'error', msg: 'query failed', error: String(error), query }));
  }

  logQuerySlow(time: number, query: string): void {
    console.warn(JSON.stringify({ level: 'warn', msg: 'slow query', ms: time, query }));
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    if (process.env.NODE_ENV !== 'test') console.log(JSON.stringify({ level: 'info', msg: message }));
  }

  log(level: 'log' | 'info' | 'warn', message: unknown, _queryRunner?: QueryRunner): void {
    // The pool's word for each connection an outage drops: the outage itself is logged once (outage.ts).
    if (level === 'warn' && isDatabaseUnavailable({ message: String(message) })) return;
    if (level === 'warn') console.warn(JSON.stringify({ level, msg: String(message) }));
  }
}
