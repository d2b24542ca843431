import { Inject, Injectable, Logger, type OnModuleDestroy, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import { DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { AuthUser } from '../common/auth-user';
import { API_CONFIG, type ApiConfig } from '../config';
import { AuditCheckpoint } from './audit-checkpoint.entity';
import { AuditEntry } from './audit-entry.entity';
import { checkpointMac, EventLimiter, pseudonym } from './audit-keys';

export interface AuditRecord {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  detail?: Record<string, unknown>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EVENT_WINDOW_MS = 60_000;

@Injectable()
export class AuditService implements OnModuleDestroy {
  private readonly logger = new Logger('AuditService');
  private readonly limiter: EventLimiter;
  private flushTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  /** Without the configuration (a worker outside Nest), entries are chained but not signed: the next checkpoint covers them. */
  constructor(
    @Optional() @Inject(API_CONFIG) private readonly config?: ApiConfig,
    @Optional() @InjectDataSource() private readonly db?: DataSource,
  ) {
    this.limiter = new EventLimiter(config?.audit.eventsPerMinute ?? 20, EVENT_WINDOW_MS);
  }

  /**
   * Called with the transaction's manager, so the change and its audit entry commit together; with any other
   * manager the entries get a transaction of their own. A signed checkpoint over the new head commits with them.
   */
  async record(manager: EntityManager, entries: AuditRecord | AuditRecord[]): Promise<void> {
    const list = Array.isArray(entries) ? entries : [entries];
    if (list.length === 0) return;
    if (!manager.queryRunner?.isTransactionActive) return manager.transaction((m) => this.record(m, list));
    // jsonb detail: TypeORM's deep-partial type cannot describe `unknown` values, hence the cast.
    const rows = list.map((e) => ({ ...e, detail: e.detail ?? {} })) as QueryDeepPartialEntity<AuditEntry>[];
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(AuditEntry)
      .values(rows)
      .returning('chain_seq, hash')
      .execute();
    const key = this.config?.audit.key;
    if (!key) return;
    // The chain's trigger holds its lock to the end of this transaction, so the last entry inserted is the head.
    const head = (inserted.raw as { chain_seq: string; hash: string }[]).reduce((a, b) =>
      BigInt(b.chain_seq) > BigInt(a.chain_seq) ? b : a,
    );
    await manager.insert(AuditCheckpoint, {
      chainSeq: head.chain_seq,
      headHash: head.hash,
      mac: checkpointMac(key, head.chain_seq, head.hash),
    });
  }

  /** A failed sign-in: the person if the e-mail is theirs, otherwise the e-mail only as a keyed pseudonym. */
  async signInFailed(email: string, personId: string | null): Promise<void> {
    const emailRef = pseudonym(this.config?.audit.key ?? '', 'email', email.trim().toLowerCase());
    await this.event(personId ?? `email:${emailRef}`, {
      actorId: personId,
      action: 'auth.sign_in_failed',
      entityType: personId ? 'person' : 'email',
      entityId: personId ?? emailRef,
    });
  }

  /**
   * A refused single sign-on (wrong state, replayed code, a token for someone else, an e-mail not invited...): the
   * person if known, the Alliance whose provider was used, and why; rate-limited per address like other events.
   */
  async ssoRefused(refusal: {
    allianceId: string | null;
    personId: string | null;
    reason: string;
    address: string;
  }): Promise<void> {
    const addressRef = pseudonym(this.config?.audit.key ?? '', 'address', refusal.address);
    await this.event(refusal.personId ?? `address:${addressRef}`, {
      actorId: refusal.personId,
      action: 'auth.sso_refused',
      entityType: refusal.allianceId ? 'sso_provider' : 'address',
      entityId: refusal.allianceId ?? addressRef,
      detail: { reason: refusal.reason, ...(refusal.personId ? {} : { address: addressRef }) },
    });
  }

  /** A 403: who, which route (its pattern, never the path: it may hold a token) and the record ids it named. */
  async refused(req: Request): Promise<void> {
    const user = (req as Request & { user?: AuthUser }).user;
    const route = (req.route as { path?: unknown } | undefined)?.path;
    const ids = Object.fromEntries(
      Object.entries((req.params ?? {}) as Record<string, unknown>).filter(
        ([, value]) => typeof value === 'string' && UUID.test(value),
      ),
    );
    await this.event(user?.id ?? `address:${pseudonym(this.config?.audit.key ?? '', 'address', req.ip ?? '')}`, {
      actorId: user?.id ?? null,
      action: 'access.refused',
      entityType: 'route',
      entityId: `${req.method} ${typeof route === 'string' ? route : '(unmatched)'}`,
      detail: { ...(Object.keys(ids).length > 0 ? { ids } : {}), allianceId: user?.allianceId ?? null },
    });
  }

  /** Writes the summaries of every event window that left events out (all of them with `force`). */
  async flush(force = false): Promise<void> {
    const closed = this.limiter.expire(performance.now(), force);
    if (closed.length > 0 && this.db) await this.record(this.db.manager, closed.map(summary));
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.flushTimer) clearTimeout(this.flushTimer);
    await this.flush(true).catch(() => undefined);
  }

  /**
   * Security events are written outside any request's transaction, at most `eventsPerMinute` per caller: a flood
   * adds one summary entry ("N more left out"), not N entries. Failing to write one never fails the request.
   */
  private async event(limitKey: string, entry: AuditRecord): Promise<void> {
    if (!this.db) return;
    const { write, closed } = this.limiter.take(limitKey, performance.now());
    const rows = [...closed.map(summary), ...(write ? [entry] : [])];
    try {
      if (rows.length > 0) await this.record(this.db.manager, rows);
    } catch (error) {
      this.logger.error(`Could not audit ${entry.action}: ${String(error)}`);
    }
    if (!write) this.scheduleFlush();
  }

  /** The summary of a flood is written when its window ends, even if the caller stops. */
  private scheduleFlush(): void {
    if (this.flushTimer || this.stopped) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      this.flush()
        .catch((error: unknown) => this.logger.error(`Could not audit: ${String(error)}`))
        .finally(() => {
          if (this.limiter.hasSuppressed()) this.scheduleFlush();
        });
    }, EVENT_WINDOW_MS);
    this.flushTimer.unref();
  }
}

function summary({ key, suppressed }: { key: string; suppressed: number }): AuditRecord {
  return {
    actorId: UUID.test(key) ? key : null,
    action: 'audit.events_suppressed',
    entityType: 'audit_events',
    entityId: key,
    detail: { suppressed, windowSeconds: EVENT_WINDOW_MS / 1000 },
  };
}
