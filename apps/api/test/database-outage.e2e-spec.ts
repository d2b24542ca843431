import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { Logger } from '@nestjs/common';
import { addCalendarDays } from '@ccc/programme';
import { ReleaseRequest } from '../src/release-time/release-request.entity';
import { startTestApp, type TestApp } from './support/test-app';
import { worldWithTokens } from './support/world';

/**
 * A TCP proxy between the API and PostgreSQL that the test can cut (every connection dropped, new ones refused at
 * once) and restore: what the API sees when the database stops or restarts, whatever server the tests use.
 */
class CuttableProxy {
  private readonly server: net.Server;
  private readonly sockets = new Set<net.Socket>();
  private up = true;

  constructor(
    private readonly host: string,
    private readonly port: number,
  ) {
    this.server = net.createServer((client) => {
      if (!this.up) {
        client.destroy();
        return;
      }
      const upstream = net.connect(this.port, this.host);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
  }

  async listen(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as net.AddressInfo).port;
  }

  cut(): void {
    this.up = false;
    for (const socket of this.sockets) socket.destroy();
  }

  restore(): void {
    this.up = true;
  }

  close(): Promise<void> {
    this.cut();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

describe('the database down (#18 item 2): 503 with Retry-After, one log line each way', () => {
  let t: TestApp;
  let proxy: CuttableProxy;
  const logged: { context: string; level: string; message: string }[] = [];
  const spies: jest.SpyInstance[] = [];

  beforeAll(async () => {
    // Nest's loggers, as the outage tracker and the exception filter write to them (through pino when running).
    for (const level of ['error', 'warn', 'log'] as const)
      spies.push(
        jest.spyOn(Logger.prototype, level).mockImplementation(function (this: Logger, ...args: unknown[]) {
          logged.push({
            context: (this as unknown as { context?: string }).context ?? '',
            level,
            message: String(args[0]),
          });
        }),
      );
    // TypeORM's own failures (query errors, the pool's dropped connections) go to the console.
    for (const level of ['error', 'warn'] as const)
      spies.push(
        jest.spyOn(console, level).mockImplementation((...args: unknown[]) => {
          logged.push({ context: 'console', level, message: String(args[0]) });
        }),
      );
    const target = new URL(process.env.TEST_DATABASE_URL!);
    proxy = new CuttableProxy(target.hostname, Number(target.port || 5432));
    const proxied = new URL(target.toString());
    proxied.hostname = '127.0.0.1';
    proxied.port = String(await proxy.listen());
    t = await startTestApp({ DATABASE_URL: proxied.toString(), DATABASE_POOL_SIZE: '4' });
  });
  afterAll(async () => {
    proxy.restore();
    await t.close();
    await proxy.close();
    for (const spy of spies) spy.mockRestore();
  });

  const waitUntilReady = async () => {
    for (let i = 0; i < 100; i++) {
      const res = await t.http().get('/api/health/ready');
      if (res.status === 200) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('never ready again');
  };
  const databaseLines = () => logged.filter((line) => line.context === 'Database');

  it('answers 503 with Retry-After in the shared shape while the database is cut, and serves again once it is back', async () => {
    const { world, tokens } = await worldWithTokens(t);
    const A = world.enrolments.A;
    const body = { kind: 'study', date: addCalendarDays(world.startDate, 1), minutes: 60, description: 'Reading' };
    const key = randomUUID();
    const summary = () => t.http().get(`/api/enrolments/${A}/release`).set('Authorization', tokens.cccA);
    const log = (idempotencyKey?: string) => {
      const req = t.http().post(`/api/enrolments/${A}/release-requests`).set('Authorization', tokens.cccA);
      return (idempotencyKey ? req.set('Idempotency-Key', idempotencyKey) : req).send(body);
    };
    await summary().expect(200);
    await t.http().get('/api/health/ready').expect(200);
    const before = logged.length;

    for (const round of [1, 2]) {
      proxy.cut();
      const answers = await Promise.all([
        summary(),
        log(),
        log(key),
        t.http().get('/api/cohorts').set('Authorization', tokens.admin),
        summary(),
        log(key),
      ]);
      for (const res of answers) {
        expect([round, res.status, res.headers['retry-after']]).toEqual([round, 503, '5']);
        expect(res.body).toMatchObject({
          statusCode: 503,
          error: 'Service unavailable',
          message: 'The service cannot reach its database just now: try again shortly',
        });
      }
      const ready = await t.http().get('/api/health/ready').expect(503);
      expect(ready.headers['retry-after']).toBe('5');
      await t.http().get('/api/health').expect(503);

      proxy.restore();
      await waitUntilReady();
      await summary().expect(200);
      const created = await log(key).expect(201);
      expect(created.headers['idempotent-replayed']).toBe(round === 1 ? undefined : 'true');
    }
    // The refused writes wrote nothing; the keyed one was carried out once over both outages.
    expect(await t.db.getRepository(ReleaseRequest).countBy({ enrolmentId: A })).toBe(1);

    // One line when each outage began, one when it ended; no stack trace, no line per failed query or connection.
    const during = logged.slice(before);
    expect(databaseLines().map((line) => [line.level, line.message.split(' (')[0]?.split(' after')[0]])).toEqual([
      ['error', 'Database unreachable'],
      ['log', 'Database reachable again'],
      ['error', 'Database unreachable'],
      ['log', 'Database reachable again'],
    ]);
    expect(databaseLines()[1]?.message).toMatch(/after \d+\.\d s; \d+ request\(s\) were answered 503$/);
    expect(during.filter((line) => line.context !== 'Database')).toEqual([]);
  });
});
