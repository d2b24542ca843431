import { types } from 'pg';
import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../migrations';
import { ENTITIES } from './entities';
import { QueryCounter } from './query-counter';

// PostgreSQL `date` is a calendar date: keep it as 'YYYY-MM-DD' instead of letting pg turn it into a local Date.
const PG_DATE_OID = 1082;
types.setTypeParser(PG_DATE_OID, (value: string) => value);

export function dataSourceOptions(url: string, queryCounter = new QueryCounter()): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    // The schema changes only through the checked-in migrations.
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    logger: queryCounter,
    logging: ['error', 'warn', 'migration'],
    maxQueryExecutionTime: 500,
    extra: { max: Number(process.env.DATABASE_POOL_SIZE ?? 10) },
  };
}
