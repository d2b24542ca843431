import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuditEntry } from './audit-entry.entity';

export interface AuditRecord {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  detail?: Record<string, unknown>;
}

@Injectable()
export class AuditService {
  /** Always called with the transaction's manager, so the change and its audit entry commit together. */
  async record(manager: EntityManager, entries: AuditRecord | AuditRecord[]): Promise<void> {
    const list = Array.isArray(entries) ? entries : [entries];
    if (list.length === 0) return;
    // jsonb detail: TypeORM's deep-partial type cannot describe `unknown` values, hence the cast.
    const rows = list.map((e) => ({ ...e, detail: e.detail ?? {} })) as QueryDeepPartialEntity<AuditEntry>[];
    await manager.insert(AuditEntry, rows);
  }
}
