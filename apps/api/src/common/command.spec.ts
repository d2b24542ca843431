import type { DataSource, EntityManager } from 'typeorm';
import type { AuditRecord, AuditService } from '../audit/audit.service';
import { COMPLETED_MESSAGE } from '../enrolments/enrolment-lock';
import { type Command, Commands } from './command';
import { Closed, StaleVersion } from './domain-errors';
import { DomainEvents } from './domain-events';

/** A pipeline over a fake transaction: `steps` says what ran, in order; `status` is every enrolment's. */
function pipeline(status = 'active') {
  const steps: string[] = [];
  const manager = {
    query: async (sql: string) => {
      steps.push(sql.includes('FROM enrolment') ? 'closed check' : sql);
      return [{ status }];
    },
  } as unknown as EntityManager;
  const db = {
    transaction: async <T>(work: (m: EntityManager) => Promise<T>) => {
      steps.push('begin');
      const result = await work(manager);
      steps.push('commit');
      return result;
    },
  } as unknown as DataSource;
  const audit = {
    record: async (_m: EntityManager, entries: AuditRecord | AuditRecord[]) => {
      steps.push(`audit ${(Array.isArray(entries) ? entries : [entries]).map((e) => e.action).join(',')}`);
    },
  } as unknown as AuditService;
  return { steps, commands: new Commands(db, audit, new DomainEvents()) };
}

const cancel = (steps: string[], read: number): Command<{ version: number; enrolmentId: string }, string> => ({
  load: async () => {
    steps.push('load');
    return { version: 3, enrolmentId: 'e1' };
  },
  enrolments: (row) => [row.enrolmentId],
  version: { read, of: (row) => row, what: 'session' },
  apply: async ({ afterCommit }) => {
    steps.push('apply');
    afterCommit(() => void steps.push('after commit'));
    return 'cancelled';
  },
  audit: (_, to) => ({ actorId: 'u1', action: `session.${to}`, entityType: 'session', entityId: 's1' }),
});

describe('the write pipeline', () => {
  it('runs load, closed check, version, apply and audit in one transaction, then the after-commit effects', async () => {
    const { steps, commands } = pipeline();
    expect(await commands.run(cancel(steps, 3))).toBe('cancelled');
    expect(steps).toEqual([
      'begin',
      'load',
      'closed check',
      'apply',
      'audit session.cancelled',
      'commit',
      'after commit',
    ]);
  });

  it('refuses a stale version before anything is changed', async () => {
    const { steps, commands } = pipeline();
    await expect(commands.run(cancel(steps, 2))).rejects.toThrow(StaleVersion);
    expect(steps).not.toContain('apply');
    expect(steps).not.toContain('commit');
  });

  it('refuses a change to a completed enrolment’s records', async () => {
    const { steps, commands } = pipeline('completed');
    await expect(commands.run(cancel(steps, 3))).rejects.toThrow(new Closed(COMPLETED_MESSAGE));
    expect(steps).toEqual(['begin', 'load', 'closed check']);
  });

  it('skips the steps a command does not have, and audits nothing when told nothing changed', async () => {
    const { steps, commands } = pipeline();
    await commands.run({ load: async () => null, apply: async () => 0, audit: () => null });
    expect(steps).toEqual(['begin', 'commit']);
  });
});
