import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { HandoverView } from '@ccc/contracts';
import {
  checkHandoverContent,
  type HandoverContent,
  handoverNotOpenYet,
  handoverOpensOn,
  HANDOVER_PARTIES,
  type HandoverParty,
  handoverSignBlocker,
  londonDate,
  type ProgrammeTemplate,
  signedByAll,
} from '@ccc/programme';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import { Commands } from '../common/command';
import type { AuthUser } from '../common/auth-user';
import { assertVersion, Closed, Conflict, Forbidden, StaleVersion } from '../common/domain-errors';
import { validationFailed } from '../common/errors';
import { COMPLETED_MESSAGE, WITHDRAWN_MESSAGE } from '../enrolments/enrolment-lock';
import { Enrolment } from '../enrolments/enrolment.entity';
import { EnrolmentsService } from '../enrolments/enrolments.service';
import { personRef } from '../sessions/session-view';
import type { HandoverFieldsDto, SignHandoverDto, UpdateHandoverDto } from './dto/handover.dto';
import { HandoverInterview } from './handover-interview.entity';
import { renderMail } from '../notifications/mail-templates';
import { Clock } from '../common/clock';
import { insertedId } from '../common/lookup';

/** The signature columns of each party. */
export const SIGNATURE: Record<HandoverParty, { at: 'cccSignedAt' | 'pcnSignedAt' | 'allianceSignedAt'; by: string }> =
  {
    ccc: { at: 'cccSignedAt', by: 'cccSignedById' },
    pcn_supervisor: { at: 'pcnSignedAt', by: 'pcnSignedById' },
    alliance_supervisor: { at: 'allianceSignedAt', by: 'allianceSignedById' },
  };

/**
 * Tells each party whose signature an amendment cleared that the record asks for it again: a row in their in-app
 * list and its e-mail (the reminder scan's outbox), once per amendment.
 */
export async function askToSignAgain(
  manager: EntityManager,
  enrolment: Enrolment,
  parties: readonly HandoverParty[],
  at: Date,
): Promise<void> {
  const recipients = parties
    .map((p) =>
      p === 'ccc'
        ? enrolment.cccId
        : p === 'pcn_supervisor'
          ? enrolment.pcnSupervisorId
          : enrolment.allianceSupervisorId,
    )
    .filter((id): id is string => Boolean(id));
  if (recipients.length === 0) return;
  const name = enrolment.ccc?.fullName ?? 'the CCC';
  const mail = renderMail('handoverAmended', { cccName: name });
  const title = mail.subject;
  // The in-app list shows the words alone; the e-mail is the template's text and HTML.
  const body = mail.text.trim();
  await manager.query(
    `WITH inserted AS (
       INSERT INTO notification (person_id, kind, subject_type, subject_id, occasion, title, body, link)
       SELECT p, 'handover_to_sign', 'enrolment', $2, $3, $4, $5, $6 FROM unnest($1::uuid[]) AS p
       ON CONFLICT ON CONSTRAINT notification_once DO NOTHING
       RETURNING person_id)
     INSERT INTO outbox_message (to_person_id, to_email, subject, body, html)
     SELECT i.person_id, p.email, $4, $7, $8 FROM inserted i JOIN person p ON p.id = i.person_id`,
    [
      recipients,
      enrolment.id,
      at.toISOString(),
      title,
      body,
      `/enrolments/${enrolment.id}/handover`,
      mail.text,
      mail.html,
    ],
  );
}

export function contentOf(row: HandoverInterview | null): HandoverContent {
  return {
    pcnPriorities: row?.pcnPriorities ?? null,
    roleDevelopment: row?.roleDevelopment ?? null,
    trainingAgreed: row?.trainingAgreed ?? [],
    followOnSupervisorName: row?.followOnSupervisorName ?? null,
    appraisalDate: row?.appraisalDate ?? null,
    roleEvaluation: row?.roleEvaluation ?? null,
  };
}

const blankToNull = (value: string | null | undefined, current: string | null): string | null =>
  value === undefined ? current : value === null || value.trim() === '' ? null : value.trim();

/** The content after applying the fields given (a field left out keeps its value), checked; 400 when wrong. */
export function applyHandoverFields(
  current: HandoverContent,
  fields: HandoverFieldsDto,
  template: ProgrammeTemplate,
  cohortStart: string,
): HandoverContent {
  const next: HandoverContent = {
    pcnPriorities: blankToNull(fields.pcnPriorities, current.pcnPriorities),
    roleDevelopment: blankToNull(fields.roleDevelopment, current.roleDevelopment),
    trainingAgreed:
      fields.trainingAgreed?.map((item) => ({
        kind: item.kind,
        title: item.title.trim(),
        courseKey: item.courseKey ?? null,
        targetMonth: item.targetMonth,
        competencyCodes: item.competencyCodes ?? [],
      })) ?? current.trainingAgreed,
    followOnSupervisorName: blankToNull(fields.followOnSupervisorName, current.followOnSupervisorName),
    appraisalDate: fields.appraisalDate === undefined ? current.appraisalDate : fields.appraisalDate,
    roleEvaluation: blankToNull(fields.roleEvaluation, current.roleEvaluation),
  };
  const problems = checkHandoverContent(next, {
    courseKeys: template.selfDirectedCourses.map((c) => c.key),
    cohortStart,
    monthsAhead: template.handoverPlanMonths,
  });
  if (problems.length > 0) throw validationFailed(problems);
  return next;
}

/** The fields that differ, each with its value before and after. */
export function changedFields(
  before: HandoverContent,
  after: HandoverContent,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const keys = (Object.keys(after) as (keyof HandoverContent)[]).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
  return {
    before: Object.fromEntries(keys.map((k) => [k, before[k]])),
    after: Object.fromEntries(keys.map((k) => [k, after[k]])),
  };
}

/**
 * The month-6 handover and evaluation interview. Its three parties write it (guarded by the version read) and
 * each signs as themself; a change after a signature clears the signatures, since they signed something else.
 * The third signature completes the enrolment, in the same transaction.
 */
@Injectable()
export class HandoverService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly enrolments: EnrolmentsService,
    private readonly access: AccessService,
    private readonly commands: Commands,
    private readonly clock: Clock,
  ) {}

  private find(manager: EntityManager, enrolmentId: string, lock = false) {
    const qb = manager
      .getRepository(HandoverInterview)
      .createQueryBuilder('h')
      .where('h.enrolment_id = :enrolmentId', { enrolmentId });
    if (lock) return qb.setLock('pessimistic_write').getOne();
    return qb
      .leftJoinAndSelect('h.cccSignedBy', 'cccSignedBy')
      .leftJoinAndSelect('h.pcnSignedBy', 'pcnSignedBy')
      .leftJoinAndSelect('h.allianceSignedBy', 'allianceSignedBy')
      .getOne();
  }

  async view(user: AuthUser, enrolmentId: string): Promise<HandoverView> {
    const { enrolment, template } = await this.enrolments.readable(user, enrolmentId);
    const row = await this.find(this.db.manager, enrolmentId);
    const parties = this.access.handoverParties(user, enrolment);
    const content = contentOf(row);
    const signedAt = (party: HandoverParty) => (row ? row[SIGNATURE[party].at] : null);
    const signer = {
      ccc: row?.cccSignedBy,
      pcn_supervisor: row?.pcnSignedBy,
      alliance_supervisor: row?.allianceSignedBy,
    };
    const active = enrolment.status === 'active';
    const notOpen = handoverNotOpenYet(
      template,
      enrolment.track,
      enrolment.cohort.startDate,
      londonDate(this.clock.now()),
    );
    return {
      enrolmentId,
      enrolmentStatus: enrolment.status,
      ...content,
      signatures: (['ccc', 'pcn_supervisor', 'alliance_supervisor'] as const).map((party) => ({
        party,
        signedBy: personRef(signer[party]),
        signedAt: signedAt(party)?.toISOString() ?? null,
      })),
      signBlocker: notOpen ?? handoverSignBlocker(content),
      opensOn: handoverOpensOn(template, enrolment.track, enrolment.cohort.startDate),
      canEdit: active && parties.length > 0,
      // A completed enrolment's record signs again after an amendment cleared signatures.
      canSignAs:
        (active || enrolment.status === 'completed') && row && !notOpen
          ? (parties.find((p) => !signedAt(p)) ?? null)
          : null,
      courses: template.selfDirectedCourses.map(({ key, title }) => ({ key, title })),
      version: row?.version ?? 0,
    };
  }

  private requireParty(user: AuthUser, enrolment: Enrolment): HandoverParty[] {
    const parties = this.access.handoverParties(user, enrolment);
    if (parties.length === 0)
      throw new Forbidden(
        'Only the CCC, their PCN supervisor and their Alliance supervisor write and sign the handover record',
      );
    return parties;
  }

  async update(user: AuthUser, enrolmentId: string, dto: UpdateHandoverDto): Promise<HandoverView> {
    const { enrolment, template } = await this.enrolments.readable(user, enrolmentId);
    this.requireParty(user, enrolment);
    await this.commands.run({
      // The enrolment's closed check takes its lock before the record's, as signing does (no deadlock).
      load: async () => enrolmentId,
      enrolments: (id) => [id],
      apply: async ({ manager }) => {
        const row = await this.find(manager, enrolmentId, true);
        assertVersion({ version: row?.version ?? 0 }, dto.version, 'handover record');
        const before = contentOf(row);
        const after = applyHandoverFields(before, dto, template, enrolment.cohort.startDate);
        const changes = changedFields(before, after);
        if (Object.keys(changes.after).length === 0) return null;
        const signed = row
          ? (['ccc', 'pcn_supervisor', 'alliance_supervisor'] as const).filter((p) => row[SIGNATURE[p].at])
          : [];
        let id: string;
        if (!row) {
          id = insertedId(await manager.insert(HandoverInterview, { enrolmentId, ...after }));
        } else {
          id = row.id;
          const result = await manager
            .createQueryBuilder()
            .update(HandoverInterview)
            .set({
              ...after,
              cccSignedAt: null,
              cccSignedById: null,
              pcnSignedAt: null,
              pcnSignedById: null,
              allianceSignedAt: null,
              allianceSignedById: null,
            })
            .where('id = :id AND version = :version', { id: row.id, version: dto.version })
            .execute();
          if (result.affected !== 1) throw new StaleVersion('handover record');
        }
        return { id, changes, signed };
      },
      audit: (_, done) =>
        done && {
          actorId: user.id,
          action: 'handover.updated',
          entityType: 'handover_interview',
          entityId: done.id,
          detail: { enrolmentId, ...done.changes, signaturesCleared: done.signed },
        },
    });
    return this.view(user, enrolmentId);
  }

  async sign(user: AuthUser, enrolmentId: string, dto: SignHandoverDto): Promise<HandoverView> {
    const { enrolment, template } = await this.enrolments.readable(user, enrolmentId);
    const parties = this.requireParty(user, enrolment);
    // Signing completes and locks the enrolment: never before the interview's plan month (template data).
    const notOpen = handoverNotOpenYet(
      template,
      enrolment.track,
      enrolment.cohort.startDate,
      londonDate(this.clock.now()),
    );
    if (notOpen) throw new Conflict(notOpen);
    await this.commands.run({
      load: async ({ manager }) => {
        // Locked for update first: two parties signing at once are decided one after the other.
        const [locked] = (await manager.query(`SELECT status, version FROM enrolment WHERE id = $1 FOR UPDATE`, [
          enrolmentId,
        ])) as { status: string; version: number }[];
        if (locked?.status === 'withdrawn') throw new Closed(WITHDRAWN_MESSAGE);
        const row = await this.find(manager, enrolmentId, true);
        if (!row) throw new Conflict('There is no handover record to sign yet');
        // Completed: only a record an amendment left without a signature signs again (#15 item 1).
        const resigning = locked?.status === 'completed';
        if (resigning && HANDOVER_PARTIES.every((p) => row[SIGNATURE[p].at])) throw new Closed(COMPLETED_MESSAGE);
        return { row, resigning, enrolmentVersion: locked?.version ?? 0 };
      },
      version: { read: dto.version, of: ({ row }) => row, what: 'handover record' },
      apply: async ({ manager }, { row, resigning, enrolmentVersion }) => {
        const blocker = handoverSignBlocker(contentOf(row));
        if (blocker) throw new Conflict(blocker);
        const party = parties.find((p) => !row[SIGNATURE[p].at]);
        if (!party) throw new Conflict('You have already signed this handover record');
        const now = this.clock.now();
        const { at, by } = SIGNATURE[party];
        await manager
          .createQueryBuilder()
          .update(HandoverInterview)
          .set({ [at]: now, [by]: user.id })
          .where('id = :id AND version = :version', { id: row.id, version: dto.version })
          .execute();
        const signatures = {
          ccc: row.cccSignedAt,
          pcn_supervisor: row.pcnSignedAt,
          alliance_supervisor: row.allianceSignedAt,
          [party]: now,
        };
        if (resigning || !signedByAll(signatures)) return { party, completed: false };
        await manager.update(
          Enrolment,
          { id: enrolmentId },
          {
            status: 'completed',
            statusReason: null,
            statusChangedAt: now,
            statusChangedById: user.id,
            version: enrolmentVersion + 1,
          },
        );
        return { party, completed: true };
      },
      audit: ({ row, resigning }, { party, completed }) => [
        {
          actorId: user.id,
          action: 'handover.signed',
          entityType: 'handover_interview',
          entityId: row.id,
          detail: { enrolmentId, party, ...(resigning ? { afterAmendment: true } : {}) },
        },
        ...(completed
          ? [
              {
                actorId: user.id,
                action: 'enrolment.completed',
                entityType: 'enrolment',
                entityId: enrolmentId,
                detail: { from: 'active', to: 'completed', handoverId: row.id },
              },
            ]
          : []),
      ],
    });
    return this.view(user, enrolmentId);
  }
}
