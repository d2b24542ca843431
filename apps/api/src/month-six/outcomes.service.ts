import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OutcomesView } from '@ccc/contracts';
import { checkOutcomeEntry, londonDate, programmeMonths, type ProgrammeTemplate } from '@ccc/programme';
import { DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import { AccessService } from '../access/access.service';
import { Commands } from '../common/command';
import type { AuthUser } from '../common/auth-user';
import { type FieldError } from '../common/errors';
import { EnrolmentsService } from '../enrolments/enrolments.service';
import { personRef } from '../sessions/session-view';
import type { RecordOutcomesDto } from './dto/outcomes.dto';
import { OutcomeCount } from './outcome-count.entity';
import { Clock } from '../common/clock';
import { insertedId } from '../common/lookup';
import type { ScopedEnrolment } from '../enrolments/scoped-enrolment';
import { Conflict, Invalid } from '../common/domain-errors';

export interface OutcomeChange {
  month: number;
  measureId: string;
  from: number | null;
  to: number;
}

/** Problems with entries against the cohort's template and today's date (400 when any). */
export function checkOutcomeEntries(
  entries: { month: number; measureId: string; count: number }[],
  enrolment: ScopedEnrolment,
  template: ProgrammeTemplate,
  today: string,
  field = 'entries',
): void {
  const context = {
    measures: template.outcomeMeasures,
    cohortStart: enrolment.cohort.startDate,
    durationMonths: template.durationMonths,
    today,
  };
  const seen = new Set<string>();
  const problems: FieldError[] = entries.flatMap((entry, i) => {
    const at = field === 'outcome' ? field : `${field}[${i}]`;
    const key = `${entry.month}/${entry.measureId}`;
    const duplicate = seen.has(key) ? [{ field: at, reason: 'the same month and measure appear twice' }] : [];
    seen.add(key);
    return [...checkOutcomeEntry(entry, context, at), ...duplicate];
  });
  if (problems.length > 0) throw new Invalid(problems);
}

/**
 * Writes counts, one row per (enrolment, month, measure): inserted, or updated when it differs. A `version`
 * given must match the stored row (409 otherwise). Returns what changed, for the audit entry.
 */
export async function upsertOutcomes(
  manager: EntityManager,
  enrolmentId: string,
  entries: { month: number; measureId: string; count: number; version?: number }[],
  recordedById: string,
): Promise<{ changes: OutcomeChange[]; rows: OutcomeCount[] }> {
  const existing = await manager
    .getRepository(OutcomeCount)
    .createQueryBuilder('o')
    .where('o.enrolment_id = :enrolmentId', { enrolmentId })
    .setLock('pessimistic_write')
    .getMany();
  const byKey = new Map(existing.map((o) => [`${o.month}/${o.measureId}`, o]));
  const changes: OutcomeChange[] = [];
  const rows: OutcomeCount[] = [];
  for (const entry of entries) {
    const row = byKey.get(`${entry.month}/${entry.measureId}`);
    if (entry.version !== undefined && row?.version !== entry.version)
      throw new Conflict(
        `The count for month ${entry.month} (${entry.measureId}) was changed since you read it; reload and try again`,
      );
    if (row && row.count === entry.count) {
      rows.push(row);
      continue;
    }
    changes.push({ month: entry.month, measureId: entry.measureId, from: row?.count ?? null, to: entry.count });
    if (row) {
      await manager.update(OutcomeCount, { id: row.id }, { count: entry.count, recordedById });
      rows.push({ ...row, count: entry.count });
    } else {
      const inserted = await manager.insert(OutcomeCount, {
        enrolmentId,
        month: entry.month,
        measureId: entry.measureId,
        count: entry.count,
        recordedById,
      });
      rows.push({ ...entry, id: insertedId(inserted) } as OutcomeCount);
    }
  }
  return { changes, rows };
}

/** Two first counts for the same month and measure at once: the unique key lets one through, the other is a 409. */
export async function conflictOnDuplicate<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505')
      throw new Conflict('This count was recorded by someone else at the same moment; reload and try again');
    throw error;
  }
}

/** The outcomes log: the CCC records monthly counts of the measures the Alliance chose in the template. */
@Injectable()
export class OutcomesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly enrolments: EnrolmentsService,
    private readonly commands: Commands,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  async get(user: AuthUser, enrolmentId: string): Promise<OutcomesView> {
    const { enrolment, template } = await this.enrolments.readable(user, enrolmentId);
    const rows = await this.db.getRepository(OutcomeCount).find({
      where: { enrolmentId },
      relations: { recordedBy: true },
      order: { month: 'ASC', measureId: 'ASC' },
    });
    const today = londonDate(this.clock.now());
    return {
      enrolmentId,
      measures: template.outcomeMeasures,
      months: programmeMonths(enrolment.cohort.startDate, template.durationMonths).filter((m) => m.startsOn <= today),
      entries: rows.map((o) => ({
        month: o.month,
        measureId: o.measureId,
        count: o.count,
        recordedBy: personRef(o.recordedBy),
        updatedAt: o.updatedAt.toISOString(),
        version: o.version,
      })),
      canRecord: enrolment.status === 'active' && enrolment.cccId === user.id,
    };
  }

  async record(user: AuthUser, enrolmentId: string, dto: RecordOutcomesDto): Promise<OutcomesView> {
    const { enrolment, template } = await this.enrolments.readable(user, enrolmentId);
    this.access.requireOwnEnrolment(user, enrolment, 'records their own outcome counts');
    checkOutcomeEntries(dto.entries, enrolment, template, londonDate(this.clock.now()));
    await conflictOnDuplicate(() =>
      this.commands.run({
        load: async () => enrolmentId,
        enrolments: (id) => [id],
        apply: async ({ manager }) => (await upsertOutcomes(manager, enrolmentId, dto.entries, user.id)).changes,
        audit: (_, changes) =>
          changes.length > 0
            ? {
                actorId: user.id,
                action: 'outcomes.recorded',
                entityType: 'enrolment',
                entityId: enrolmentId,
                detail: { changes },
              }
            : null,
      }),
    );
    return this.get(user, enrolmentId);
  }
}
