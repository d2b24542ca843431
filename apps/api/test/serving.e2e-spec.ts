import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import http, { type ClientRequest, type IncomingHttpHeaders } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { JwtAuthGuard } from '../src/common/guards';
import { RequestGate } from '../src/health/request-gate';
import { startTestApp, type TestApp } from './support/test-app';

const ASSET = '/assets/index-B9xQ2mZk.js';
const SCRIPT = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `word ${i}`))};\n`;
const MAX_IN_FLIGHT = 3;
/** Reads running at once: one, so that a second waits its turn. */
const MAX_READS_RUNNING = 1;

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

/**
 * The service as `npm start` runs it: the SPA's built files served on the API's port (a small stand-in for
 * dist/apps/web, written here), over a real socket. Without the SPA, the body parser's refusals reach the API's own
 * error filter; with it, they meet the static-file module's error handler, which is why these run with it.
 */
describe('serving the SPA and the API on one port', () => {
  let t: TestApp;
  let dir: string;
  let port: number;

  function send(
    method: string,
    url: string,
    options: { headers?: Record<string, string>; body?: string | Buffer } = {},
  ): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, method, path: url, headers: options.headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const raw = Buffer.concat(chunks);
          const encoding = res.headers['content-encoding'];
          const body = encoding === 'gzip' ? gunzipSync(raw) : encoding === 'br' ? brotliDecompressSync(raw) : raw;
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text: body.toString() });
        });
      });
      req.on('error', reject);
      req.end(options.body);
    });
  }

  const postJson = (url: string, body: string | Buffer) =>
    send('POST', url, { headers: { 'Content-Type': 'application/json' }, body });

  function expectErrorShape(answer: Answer, statusCode: number): void {
    expect(answer.status).toBe(statusCode);
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = JSON.parse(answer.text) as Record<string, unknown>;
    expect(body).toEqual({
      statusCode,
      error: expect.any(String),
      message: expect.any(String),
      type: 'about:blank',
      title: body.error,
      status: statusCode,
      detail: body.message,
      // Named by the request's id where the logger gave it one (body-parser refusals come before it).
      ...(answer.headers['x-request-id'] ? { instance: `urn:request:${String(answer.headers['x-request-id'])}` } : {}),
    });
    // Not the static-file module's "Cannot POST …", which a body it could not read used to become.
    if (statusCode !== 404) expect(body.message).not.toMatch(/^Cannot /);
  }

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'ccc-web-dist-'));
    await mkdir(path.join(dir, 'assets'));
    await writeFile(
      path.join(dir, 'index.html'),
      `<!doctype html><html lang="en"><head><title>CCC</title><script type="module" src="${ASSET}"></script></head><body><div id="root"></div></body></html>`,
    );
    await writeFile(path.join(dir, ASSET), SCRIPT);
    await writeFile(path.join(dir, `${ASSET}.map`), '{"version":3,"sources":["secret-source.ts"],"mappings":""}');
    t = await startTestApp({
      WEB_DIST_DIR: dir,
      MAX_REQUESTS_IN_FLIGHT: String(MAX_IN_FLIGHT),
      MAX_READS_RUNNING: String(MAX_READS_RUNNING),
    });
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as { port: number }).port;
  });

  afterAll(async () => {
    await t?.close();
    await rm(dir, { recursive: true, force: true });
  });

  describe('the SPA', () => {
    it('compresses assets and JSON for a caller that accepts gzip or brotli', async () => {
      const gzip = await send('GET', ASSET, { headers: { 'Accept-Encoding': 'gzip' } });
      expect(gzip.status).toBe(200);
      expect(gzip.headers['content-encoding']).toBe('gzip');
      expect(gzip.text).toBe(SCRIPT);
      const brotli = await send('GET', ASSET, { headers: { 'Accept-Encoding': 'br' } });
      expect(brotli.headers['content-encoding']).toBe('br');
      expect(brotli.text).toBe(SCRIPT);
      const json = await send('GET', '/api/docs-json', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
      expect(json.status).toBe(200);
      expect(json.headers['content-encoding']).toMatch(/^(gzip|br)$/);
      expect(JSON.parse(json.text)).toHaveProperty('openapi');
      const plain = await send('GET', ASSET, { headers: { 'Accept-Encoding': 'identity' } });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.text).toBe(SCRIPT);
    });

    it('caches a hashed asset for a year as immutable, and revalidates index.html on every route', async () => {
      const asset = await send('GET', ASSET);
      expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      for (const route of ['/', '/index.html', '/enrolments/some-id/competencies']) {
        const page = await send('GET', route);
        expect({ route, status: page.status, cache: page.headers['cache-control'] }).toEqual({
          route,
          status: 200,
          cache: 'no-cache',
        });
        expect(page.text).toContain('<div id="root">');
      }
    });

    it('publishes no source map', async () => {
      const map = await send('GET', `${ASSET}.map`);
      expect(map.status).toBe(404);
      expect(map.text).not.toContain('secret-source');
    });
  });

  describe('unreadable bodies', () => {
    it('answers malformed JSON, a JSON string and null with 400 in the shared shape', async () => {
      for (const body of ['{"email": ', '{email: "x"}', '"just a string"', 'null', '12']) {
        const answer = await postJson('/api/auth/login', body);
        expectErrorShape(answer, 400);
      }
    });

    it('answers a body over the limit with 413 in the shared shape', async () => {
      const answer = await postJson('/api/auth/login', JSON.stringify({ email: 'x'.repeat(300 * 1024) }));
      expectErrorShape(answer, 413);
    });

    it('answers JSON nested 5,000 levels deep with 400, not 500', async () => {
      const objects = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
      expectErrorShape(await postJson('/api/auth/login', objects), 400);
      const arrays = `{"email":${'['.repeat(5000)}${']'.repeat(5000)}}`;
      expectErrorShape(await postJson('/api/auth/login', arrays), 400);
    });

    it('still reads a well-formed body (a wrong password is a 401, not a parse error)', async () => {
      const answer = await postJson('/api/auth/login', JSON.stringify({ email: 'nobody@example.org', password: 'x' }));
      expect(answer.status).toBe(401);
    });
  });

  describe('methods', () => {
    it('answers a wrong method on an existing path with 405 and Allow', async () => {
      const getLogin = await send('GET', '/api/auth/login');
      expectErrorShape(getLogin, 405);
      expect(getLogin.headers.allow).toBe('POST');
      const postHealth = await send('POST', '/api/health');
      expectErrorShape(postHealth, 405);
      expect(postHealth.headers.allow).toBe('GET, HEAD');
      // A path with a parameter.
      const putEnrolment = await send('PUT', '/api/enrolments/8a6e0804-2bd0-4672-b79e-d97e37b5d3a1');
      expectErrorShape(putEnrolment, 405);
      expect(putEnrolment.headers.allow).toMatch(/GET/);
    });

    it('keeps 404 for a path that does not exist', async () => {
      expectErrorShape(await send('GET', '/api/no-such-thing'), 404);
      expectErrorShape(await send('POST', '/api/no-such-thing'), 404);
    });
  });

  describe('overload', () => {
    /** A request sent over its own connection, kept so that its caller can go away before the answer. */
    function open(
      method: string,
      url: string,
      headers: Record<string, string> = {},
    ): { req: ClientRequest; answer: Promise<Answer> } {
      const req = http.request({ host: '127.0.0.1', port, method, path: url, headers, agent: false });
      const answer = new Promise<Answer>((resolve, reject) => {
        req.on('response', (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString() }),
          );
        });
        req.on('error', reject);
      });
      answer.catch(() => undefined);
      return { req, answer };
    }

    async function until(what: string, done: () => boolean): Promise<void> {
      for (let i = 0; !done(); i += 1) {
        if (i > 200) throw new Error(`still waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    }

    it('runs reads one at a time here, queues the next within the limit, and never runs one whose caller went', async () => {
      const gate = t.app.get(RequestGate);
      // The first step of every route's handling: a read that runs meets it (and is refused there, having no token).
      const handled = jest.spyOn(JwtAuthGuard.prototype, 'canActivate');
      try {
        // A read whose body never finishes arriving holds the one place for reads.
        const held = open('GET', '/api/me', { 'Content-Type': 'application/json', 'Content-Length': '1000' });
        held.req.write('{"a": ');
        await until('the held read to start', () => gate.running === 1);

        // A write does not wait behind it.
        const write = await send('POST', '/api/auth/login', {
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ email: 'nobody@example.org', password: 'x' }),
        });
        expect(write.status).toBe(401);

        // Two more reads wait their turn; the one after them is over the limit and refused at once.
        const gone = open('GET', '/api/me');
        gone.req.end();
        const next = open('GET', '/api/me');
        next.req.end();
        await until('two reads to wait', () => gate.waiting === 2);
        const refused = await send('GET', '/api/me');
        expectErrorShape(refused, 503);
        expect(refused.headers['retry-after']).toBe('1');
        expect((await send('GET', '/api/health')).status).toBe(200);

        // The first waiting caller gives up: it leaves the queue.
        handled.mockClear();
        gone.req.destroy();
        await until('the gone read to leave the queue', () => gate.waiting === 1 && gate.running === 2);
        // The held read ends: the next read runs, and only it (the gone one never reaches a handler).
        held.req.destroy();
        const answered = await next.answer;
        expect(answered.status).toBe(401);
        await until('every slot to be free', () => gate.running === 0 && gate.waiting === 0);
        const reads = handled.mock.calls.filter(
          ([context]) => context.switchToHttp().getRequest<{ path: string }>().path === '/api/me',
        );
        expect(reads).toHaveLength(1);
      } finally {
        handled.mockRestore();
      }
    });

    it('refuses what is over the limit with 503 and Retry-After, answers health, and frees a slot when the caller goes', async () => {
      const gate = t.app.get(RequestGate);
      // Requests whose bodies never finish arriving: each holds a slot until its caller gives up.
      const held: ClientRequest[] = [];
      for (let i = 0; i < MAX_IN_FLIGHT; i += 1) {
        const req = http.request({
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/auth/login',
          headers: { 'Content-Type': 'application/json', 'Content-Length': '1000' },
        });
        req.on('error', () => undefined);
        req.write('{"email": ');
        held.push(req);
      }
      for (let i = 0; gate.running < MAX_IN_FLIGHT; i += 1) {
        if (i > 200) throw new Error(`only ${gate.running} requests reached the API`);
        await new Promise((r) => setTimeout(r, 20));
      }

      const refused = await send('GET', '/api/me');
      expectErrorShape(refused, 503);
      expect(refused.headers['retry-after']).toBe('1');
      expect((await send('GET', '/api/health')).status).toBe(200);
      expect((await send('GET', '/api/health/ready')).status).toBe(200);
      // The SPA's files are not API work.
      expect((await send('GET', '/')).status).toBe(200);

      for (const req of held) req.destroy();
      for (let i = 0; gate.running > 0; i += 1) {
        if (i > 200) throw new Error(`${gate.running} slots still held after their callers went`);
        await new Promise((r) => setTimeout(r, 20));
      }
      expect((await send('GET', '/api/me')).status).toBe(401);
    });
  });
});
