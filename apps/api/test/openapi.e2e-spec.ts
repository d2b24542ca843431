import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { readFileSync } from 'node:fs';
import { API_ERROR_SCHEMA, PROBLEM_JSON } from '../src/common/openapi';
import { ANSWER_SCHEMAS_FILE, answerSchemasText, generateAnswerSchemas } from './support/answer-schemas';
import { startTestApp, type TestApp } from './support/test-app';
import {
  ContractChecker,
  contractCheckedAnswers,
  takeContractViolations,
  type OpenApiDocument,
} from './support/contract-check';
import { createWorld, tokenFor, type World } from './support/world';

interface Response {
  description: string;
  $ref?: string;
  content?: Record<string, { schema: { $ref?: string; type?: string; format?: string } }>;
}
interface Operation {
  operationId: string;
  summary?: string;
  tags?: string[];
  security?: unknown[];
  responses: Record<string, Response>;
}
interface Document {
  servers?: { url: string }[];
  tags?: { name: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown>; responses?: Record<string, Response> };
}

const ERROR_REF = '#/components/schemas/ApiError';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Every download and the media types it comes as. */
const DOWNLOADS: Record<string, string[]> = {
  'get /api/reports/cohort/export': ['text/csv; charset=utf-8', XLSX, 'application/pdf'],
  'get /api/national/summary.csv': ['text/csv'],
  'get /api/people/{personId}/subject-access-export': ['application/zip'],
  'get /api/sessions/{id}/calendar.ics': ['text/calendar'],
  'get /api/calendar/{file}': ['text/calendar'],
  'get /api/enrolments/{id}/record.pdf': ['application/pdf'],
  'get /api/evidence-files/{id}': ['application/octet-stream'],
  'get /api/competency-frameworks/{id}/export': ['application/json', 'text/csv'],
  'get /api/people/imports/template.csv': ['text/csv'],
};

describe('the OpenAPI document', () => {
  let t: TestApp;
  let doc: Document;
  let operations: { key: string; path: string; operation: Operation }[];

  beforeAll(async () => {
    t = await startTestApp();
    doc = (await t.http().get('/api/docs-json').expect(200)).body as Document;
    operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({ key: `${method} ${path}`, path, operation })),
    );
  });
  afterAll(() => t.close());

  it('gives every operation a summary and a declared tag, and names a server', () => {
    const declared = new Set(doc.tags?.map((tag) => tag.name));
    expect(operations.length).toBeGreaterThan(100);
    for (const { key, operation } of operations) {
      expect({ key, summary: Boolean(operation.summary?.trim()) }).toEqual({ key, summary: true });
      expect({ key, tagged: (operation.tags ?? []).length > 0 }).toEqual({ key, tagged: true });
      for (const tag of operation.tags ?? []) expect(declared).toContain(tag);
    }
    expect(doc.servers?.length).toBeGreaterThan(0);
  });

  it('registers one error schema and every error answer of every operation refers to it', () => {
    expect(doc.components.schemas['ApiError']).toEqual(API_ERROR_SCHEMA);
    let errors = 0;
    for (const { key, operation } of operations)
      for (const [code, written] of Object.entries(operation.responses)) {
        if (!/^[45]/.test(code)) continue;
        errors++;
        // The usual answer of a status is written once under components/responses and referred to.
        const response = written.$ref
          ? doc.components.responses![written.$ref.replace('#/components/responses/', '')]!
          : written;
        expect({ key, code, schema: response.content?.[PROBLEM_JSON]?.schema.$ref }).toEqual({
          key,
          code,
          schema: ERROR_REF,
        });
        expect(response.description).not.toBe('');
      }
    expect(errors).toBeGreaterThan(operations.length * 3);
  });

  it('documents the error answers each kind of operation can give', () => {
    const codes = (key: string) => {
      const found = operations.find((entry) => entry.key === key);
      if (!found) throw new Error(`${key} is not in the document`);
      return Object.keys(found.operation.responses).sort();
    };
    // A secured write on a record: bad input, no token, not permitted, unknown id, stale version, too large.
    expect(codes('post /api/sessions/{id}/cancel')).toEqual(
      expect.arrayContaining(['400', '401', '403', '404', '409', '413']),
    );
    // A create takes an Idempotency-Key: its reuse with another body is a 422.
    expect(codes('post /api/cohorts/{id}/enrolments')).toEqual(
      expect.arrayContaining(['400', '401', '403', '409', '413', '422']),
    );
    // Sign-in is public (no 401 for want of a token, but its own 401), limited, and takes a body.
    expect(codes('post /api/auth/login')).toEqual(expect.arrayContaining(['400', '401', '413', '429']));
    expect(codes('post /api/auth/login')).not.toContain('403');
    // One-use links: used or expired is a 410; throttled is a 429.
    expect(codes('post /api/links/{token}')).toEqual(expect.arrayContaining(['404', '409', '410', '429']));
    // A read with no id and no input says nothing of 400 or 404.
    expect(codes('get /api/me')).toEqual(expect.arrayContaining(['401']));
    expect(codes('get /api/me')).not.toContain('404');
    expect(codes('get /api/me')).not.toContain('400');
  });

  it('documents the JSON body of every success answer that is not a download', () => {
    let documented = 0;
    for (const { key, operation } of operations) {
      const [code, success] = Object.entries(operation.responses).find(([status]) => status.startsWith('2')) ?? [];
      if (!success || code === '204' || DOWNLOADS[key]) continue;
      const schema = success.content?.['application/json']?.schema;
      expect({ key, schema: Boolean(schema && Object.keys(schema).length) }).toEqual({ key, schema: true });
      documented++;
    }
    expect(documented).toBeGreaterThan(90);
  });

  it('holds answer schemas that match the controllers (npm run api:types regenerates them)', () => {
    expect(readFileSync(ANSWER_SCHEMAS_FILE, 'utf8')).toBe(answerSchemasText(generateAnswerSchemas()));
  }, 120_000);

  it('has the checked-in document and SPA types it serves (npm run api:types regenerates them)', async () => {
    const root = path.resolve(__dirname, '../../..');
    const documentFile = path.join(root, 'docs/openapi.json');
    const typesFile = path.join(root, 'apps/web/src/lib/api-types.ts');
    const documentText = `${JSON.stringify(doc, null, 2)}\n`;
    const dir = mkdtempSync(path.join(tmpdir(), 'openapi-types-'));
    let types: string;
    try {
      const file = path.join(dir, 'openapi.json');
      writeFileSync(file, documentText);
      types = (
        await promisify(execFile)(
          process.execPath,
          [path.join(root, 'node_modules/openapi-typescript/bin/cli.js'), file, '--empty-objects-unknown'],
          { cwd: root, maxBuffer: 64 * 1024 * 1024 },
        )
      ).stdout;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const header = '// Generated by `npm run api:types` from docs/openapi.json (openapi-typescript). Do not edit.\n';
    if (process.env.API_CONTRACT === 'write') {
      writeFileSync(documentFile, documentText);
      writeFileSync(typesFile, header + types);
    }
    expect(readFileSync(documentFile, 'utf8')).toBe(documentText);
    expect(readFileSync(typesFile, 'utf8')).toBe(header + types);
  }, 60_000);

  it('declares the media type of every download', () => {
    for (const [key, types] of Object.entries(DOWNLOADS)) {
      const found = operations.find((entry) => entry.key === key);
      expect({ key, found: Boolean(found) }).toEqual({ key, found: true });
      const success = Object.entries(found!.operation.responses).find(([code]) => code.startsWith('2'))![1];
      expect({ key, types: Object.keys(success.content ?? {}) }).toEqual({ key, types });
    }
  });

  it('matches reality: a download comes as a documented type, and a refusal has the documented error fields', async () => {
    const world: World = await createWorld(t);
    const admin = await tokenFor(t, world.people.admin);
    const exported = await t
      .http()
      .get(`/api/reports/cohort/export?cohortId=${world.cohort.id}&format=csv`)
      .set('Authorization', admin)
      .expect(200);
    expect(DOWNLOADS['get /api/reports/cohort/export']).toContain(exported.headers['content-type']);

    const answers = [
      await t.http().get('/api/agenda?from=yesterday&days=99').set('Authorization', admin),
      await t.http().get('/api/me'),
      await t.http().post('/api/sessions/not-an-id/cancel').set('Authorization', admin).send({}),
    ];
    const required = API_ERROR_SCHEMA.required!;
    for (const answer of answers) {
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(answer.body).toMatchObject({
        type: 'about:blank',
        status: answer.status,
        title: answer.body.error,
        detail: answer.body.message,
      });
      for (const field of required) expect(answer.body).toHaveProperty(field);
      expect(typeof answer.body.statusCode).toBe('number');
      expect(typeof answer.body.message).toBe('string');
    }
    expect(answers[0]?.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'from', reason: expect.any(String) },
        { field: 'days', reason: expect.any(String) },
      ]),
    );
  });

  it('fails a test whose answer does not match its documented schema', async () => {
    const world: World = await createWorld(t);
    const admin = await tokenFor(t, world.people.admin);
    const before = contractCheckedAnswers();
    const answer = await t.http().get(`/api/cohorts/${world.cohort.id}`).set('Authorization', admin).expect(200);
    await t.http().get('/api/me').expect(401);
    // Both answers went through the check that every test's answers go through, and matched.
    expect(contractCheckedAnswers()).toBe(before + 2);
    expect(takeContractViolations()).toEqual([]);
    const checker = new ContractChecker(doc as unknown as OpenApiDocument);
    const json = { 'content-type': 'application/json; charset=utf-8' };
    checker.check('GET', `/api/cohorts/${world.cohort.id}`, { ...answer, body: { ...answer.body, name: 7 } } as never);
    checker.check('GET', `/api/cohorts/${world.cohort.id}`, { ...answer, status: 202, headers: json } as never);
    const problem = { 'content-type': 'application/problem+json' };
    checker.check('GET', '/api/me', { status: 401, headers: problem, body: { statusCode: 401 } } as never);
    expect(takeContractViolations()).toEqual([
      expect.stringMatching(/GET \/api\/cohorts\/.* → 200 .*\/name must be string/),
      expect.stringMatching(/→ 202 .*not documented/),
      expect.stringMatching(/GET \/api\/me → 401 .*must have required property/),
    ]);
  });

  it("passes spectral's OpenAPI ruleset with no error", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'openapi-'));
    try {
      const file = path.join(dir, 'openapi.json');
      writeFileSync(file, JSON.stringify(doc));
      const root = path.resolve(__dirname, '../../..');
      const result = await promisify(execFile)(
        path.join(root, 'node_modules/.bin/spectral'),
        [
          'lint',
          '--ruleset',
          path.join(root, 'apps/api/.spectral.yaml'),
          '--fail-severity',
          'error',
          '-f',
          'json',
          file,
        ],
        { cwd: root, maxBuffer: 64 * 1024 * 1024 },
      ).catch((error: { stdout?: string; code?: number }) => ({ stdout: error.stdout ?? '', code: error.code }));
      const problems = JSON.parse(result.stdout || '[]') as { code: string; severity: number; path: string[] }[];
      // Severity 0 is an error; warnings (an operation without a description) do not fail the document.
      expect(problems.filter((problem) => problem.severity === 0)).toEqual([]);
      expect('code' in result ? result.code : 0).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
