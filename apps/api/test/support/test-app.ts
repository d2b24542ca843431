import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';
import type { Response } from 'superagent';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { loadConfig } from '../../src/config';
import { QueryCounter } from '../../src/database/query-counter';
import { ContractChecker, type OpenApiDocument } from './contract-check';

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
  // Every answer received through `http()` is checked against the schema its operation documents.
  const document = (await request(server).get('/api/docs-json')).body as OpenApiDocument;
  const checker = new ContractChecker(document);
  const close = async () => {
    // Rate-limit counters live in the shared test database: leave none to limit the next test file.
    await db.query('DELETE FROM rate_limit_counter').catch(() => undefined);
    await app.close();
  };
  return { app, db, queries: app.get(QueryCounter), http: () => checked(request(server), checker), close };
}

const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/** supertest's agent, each request of which has its answer checked against the document when it arrives. */
function checked(agent: ReturnType<typeof request>, checker: ContractChecker): ReturnType<typeof request> {
  return new Proxy(agent, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof property !== 'string' || !VERBS.has(property) || typeof value !== 'function') return value;
      return (url: string, ...rest: unknown[]) => {
        const test = (value as (url: string, ...rest: unknown[]) => request.Test).call(target, url, ...rest);
        test.on('response', (response: Response) => checker.check(property.toUpperCase(), url, response));
        return test;
      };
    },
  });
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
