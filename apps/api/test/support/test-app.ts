import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { loadConfig } from '../../src/config';
import { QueryCounter } from '../../src/database/query-counter';

export interface TestApp {
  app: INestApplication;
  db: DataSource;
  queries: QueryCounter;
  http: () => ReturnType<typeof request>;
  close: () => Promise<void>;
}

/** The real application (same factory as main.ts) on the test database, migrated. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const databaseUrl = process.env.TEST_DATABASE_URL;
  if (!databaseUrl) throw new Error('TEST_DATABASE_URL is not set: run through the api-e2e jest config');
  const config = loadConfig({ ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'test', WEB_DIST_DIR: '', ...env });
  const app = await createApp(config, { logger: ['error'] });
  await app.init();
  const db = app.get(DataSource);
  await db.runMigrations({ transaction: 'each' });
  const server = app.getHttpServer();
  const close = async () => {
    // Rate-limit counters live in the shared test database: leave none to limit the next test file.
    await db.query('DELETE FROM rate_limit_counter').catch(() => undefined);
    await app.close();
  };
  return { app, db, queries: app.get(QueryCounter), http: () => request(server), close };
}

/** A database of its own beside the test database, for tests that need an empty or half-migrated one. */
export async function withDatabase(suffix: string, action: 'create' | 'drop'): Promise<string> {
  const base = new URL(process.env.TEST_DATABASE_URL!);
  const name = `${base.pathname.slice(1)}_${suffix}`;
  const admin = new URL(base.toString());
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(
    action === 'create' ? `CREATE DATABASE "${name}"` : `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`,
  );
  await client.end();
  base.pathname = `/${name}`;
  return base.toString();
}
