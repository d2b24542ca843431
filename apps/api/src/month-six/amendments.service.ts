import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AmendmentView } from '@ccc/contracts';
import type { HandoverParty, ProgrammeTemplate } from '@ccc/programme';
import { HANDOVER_PARTIES, londonDate } from '@ccc/programme';
import { DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../common/auth-user';
import { Commands } from '../common/command';
import { Conflict, Forbidden, Invalid } from '../common/domain-errors';
import { validationFailed } from '../common/errors';
import { EnrolmentsService } from '../enrolments/enrolments.service';
import { SessionAttendance } from '../sessions/session-attendance.entity';
import { personRef } from '../sessions/session-view';
import { Session } from '../sessions/session.entity';
import type { CreateAmendmentDto } from './dto/amendment.dto';
import { EnrolmentAmendment } from './enrolment-amendment.entity';
import { applyHandoverFields, askToSignAgain, changedFields, contentOf, SIGNATURE } from './handover.service';
import { HandoverInterview } from './handover-interview.entity';
import { checkOutcomeEntries, conflictOnDuplicate, upsertOutcomes } from './outcomes.service';
import { Clock } from '../common/clock';
import { loaded } from '../common/loaded';
import { insertedId, itemAt } from '../common/lookup';
import type { ScopedEnrolment } from '../enrolments/scoped-enrolment';

type Change = {
  recordId: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  /** The handover's parties whose signature the amendment cleared. */
  signaturesCleared?: HandoverParty[];
};

function toView(row: EnrolmentAmendment): AmendmentView {
  return {
    id: row.id,
    record: row.record,
    recordId: row.recordId,
    reason: row.reason,
    before: row.before,
    after: row.after,
    amendedBy: personRef(row.amendedBy),
    at: row.createdAt.toISOString(),
  };
}

const NOTHING_CHANGES = 'The amendment changes nothing in the record';

/** The change an amendment of `record` gives: the field named after the record (400 without it). */
function changeOf<R extends CreateAmendmentDto['record']>(
  dto: CreateAmendmentDto,
  record: R,
): NonNullable<CreateAmendmentDto[R]> {
  const change = dto[record];
  if (!change) throw validationFailed([{ field: record, reason: `an amendment of the ${record} gives its change` }]);
  return change;
}

/**
 * Corrections to the record of an enrolment that is no longer active (completed or withdrawn), which refuses
 * ordinary edits. Each applies the change, keeps its before and after with the reason in an insert-only row, and
 * is audited, in one transaction. An amended handover of a completed enrolment asks its parties to sign again.
 */
@Injectable()
export class AmendmentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly enrolments: EnrolmentsService,
    private readonly access: AccessService,
    private readonly commands: Commands,
    private readonly clock: Clock,
  ) {}

  async list(user: AuthUser, enrolmentId: string): Promise<AmendmentView[]> {
    await this.enrolments.readable(user, enrolmentId);
    const rows = await this.db.getRepository(EnrolmentAmendment).find({
      where: { enrolmentId },
      relations: { amendedBy: true },
      order: { createdAt: 'ASC' },
    });
    return rows.map(toView);
  }

  async create(user: AuthUser, enrolmentId: string, dto: CreateAmendmentDto): Promise<AmendmentView> {
    const { enrolment, template } = await this.enrolments.readable(user, enrolmentId);
    if (!this.access.mayAmend(user, { ...enrolment, allianceId: enrolment.cohort.allianceId }))
      throw new Forbidden('Only an administrator or the CCC\u2019s Alliance supervisor records an amendment');
    const reason = dto.reason.trim();
    if (!reason) throw validationFailed([{ field: 'reason', reason: 'reason must say why the record is corrected' }]);
    changeOf(dto, dto.record); // 400 when the change of the record named is not given
    if (dto.record === 'outcome')
      checkOutcomeEntries([changeOf(dto, 'outcome')], enrolment, template, londonDate(this.clock.now()), 'outcome');
    const { amendmentId } = await conflictOnDuplicate(() =>
      this.commands.run({
        load: async ({ manager }) => {
          const [locked] = (await manager.query(`SELECT status, erased_at FROM enrolment WHERE id = $1 FOR UPDATE`, [
            enrolmentId,
          ])) as { status: string; erased_at: Date | null }[];
          // An erased record takes no new words about the person (apps/api/src/retention).
          if (locked?.erased_at)
            throw new Conflict("This enrolment's personal data was erased; its record can no longer be amended");
          if (locked?.status === 'active')
            throw new Conflict(
              'This enrolment is still active: change the record itself; amendments are for completed or withdrawn enrolments',
            );
        },
        apply: async ({ manager }) => {
          const change = await this.apply(manager, user, enrolment, template, dto);
          if (Object.keys(change.after).length === 0)
            throw new Invalid(
              { field: dto.record, reason: 'the amendment changes nothing in the record' },
              NOTHING_CHANGES,
            );
          // jsonb before/after: TypeORM's deep-partial type cannot describe `unknown` values, hence the cast.
          const inserted = await manager.insert(EnrolmentAmendment, {
            enrolmentId,
            record: dto.record,
            recordId: change.recordId,
            reason,
            before: change.before,
            after: change.after,
            amendedById: user.id,
          } as QueryDeepPartialEntity<EnrolmentAmendment>);
          return { amendmentId: insertedId(inserted), change };
        },
        audit: (_, { amendmentId, change }) => ({
          actorId: user.id,
          action: 'enrolment.amended',
          entityType: 'enrolment',
          entityId: enrolmentId,
          detail: { amendmentId, record: dto.record, reason, ...change },
        }),
      }),
    );
    const row = await this.db
      .getRepository(EnrolmentAmendment)
      .findOneOrFail({ where: { id: amendmentId }, relations: { amendedBy: true } });
    return toView(row);
  }

  private async apply(
    manager: EntityManager,
    user: AuthUser,
    enrolment: ScopedEnrolment,
    template: ProgrammeTemplate,
    dto: CreateAmendmentDto,
  ): Promise<Change> {
    switch (dto.record) {
      case 'handover': {
        const row = await manager
          .getRepository(HandoverInterview)
          .createQueryBuilder('h')
          .where('h.enrolment_id = :id', { id: enrolment.id })
          .setLock('pessimistic_write')
          .getOne();
        if (!row) throw new Conflict('This enrolment has no handover record to amend');
        const before = contentOf(row);
        const after = applyHandoverFields(before, changeOf(dto, 'handover'), template, enrolment.cohort.startDate);
        const changes = changedFields(before, after);
        if (Object.keys(changes.after).length === 0) return { recordId: row.id, ...changes };
        if (enrolment.status !== 'completed') {
          // A withdrawn enrolment's record is no longer signed: corrected, and kept as it was signed in the audit.
          await manager.update(HandoverInterview, { id: row.id }, after);
          return { recordId: row.id, ...changes };
        }
        // The parties signed the record as it was: the amended one asks them to sign again (#15 item 1). An
        // amender who is a party (the Alliance supervisor) signs by amending; the others are told.
        const amenderParties = this.access.handoverParties(user, enrolment);
        const now = this.clock.now();
        const signatures = Object.fromEntries(
          HANDOVER_PARTIES.flatMap((party) => {
            const { at, by } = SIGNATURE[party];
            const mine = amenderParties.includes(party);
            return [
              [at, mine ? now : null],
              [by, mine ? user.id : null],
            ];
          }),
        );
        await manager.update(HandoverInterview, { id: row.id }, { ...after, ...signatures });
        const toSignAgain = HANDOVER_PARTIES.filter((p) => row[SIGNATURE[p].at] && !amenderParties.includes(p));
        await askToSignAgain(manager, enrolment, toSignAgain, now);
        return {
          recordId: row.id,
          before: changes.before,
          after: changes.after,
          signaturesCleared: toSignAgain,
        };
      }
      case 'outcome': {
        const outcome = changeOf(dto, 'outcome');
        const { changes, rows } = await upsertOutcomes(manager, enrolment.id, [outcome], user.id);
        const [change] = changes;
        const { month, measureId } = outcome;
        return {
          recordId: itemAt(rows, 0).id,
          before: change ? { month, measureId, count: change.from } : {},
          after: change ? { month, measureId, count: change.to } : {},
        };
      }
      case 'session': {
        const given = changeOf(dto, 'session');
        const attendance = await manager.findOne(SessionAttendance, {
          where: { sessionId: given.sessionId, enrolmentId: enrolment.id },
          relations: { session: true },
        });
        if (!attendance)
          throw validationFailed([{ field: 'session.sessionId', reason: 'this CCC has no such session' }]);
        const { session } = loaded(attendance, 'session');
        if (given.notes !== undefined && !session.enrolmentId)
          throw validationFailed([
            { field: 'session.notes', reason: 'the notes of a cohort session are not one CCC\u2019s record' },
          ]);
        const before: Record<string, unknown> = {};
        const after: Record<string, unknown> = {};
        const notes = given.notes?.trim() || null;
        if (given.notes !== undefined && notes !== session.notes) {
          before['notes'] = session.notes;
          after['notes'] = notes;
          await manager.update(Session, { id: session.id }, { notes });
        }
        if (given.attendance !== undefined && given.attendance !== attendance.attendance) {
          before['attendance'] = attendance.attendance;
          after['attendance'] = given.attendance;
          await manager.update(SessionAttendance, { id: attendance.id }, { attendance: given.attendance });
        }
        return { recordId: session.id, before, after };
      }
    }
  }
}
