import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AwaitedSignOffRow, MySignOffsResponse, PersonRef, SignOffRow } from '@ccc/contracts';
import {
  awaitedSignOffs,
  byText,
  filterSignOffs,
  londonDate,
  type Party,
  type ProgrammeTemplate,
  signOffEvents,
} from '@ccc/programme';
import { DataSource, In } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../common/auth-user';
import { Enrolment } from '../enrolments/enrolment.entity';
import { ProgrammeTemplateVersion } from '../programmes/programme-template.entity';
import { personRef } from '../sessions/session-view';
import type { SignOffsQueryDto } from './dto/sign-offs-query.dto';
import { loadSignOffFacts } from './sign-off-facts';

@Injectable()
export class SignOffsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
  ) {}

  /**
   * The caller's own sign-offs (#24): three queries whatever the caseload (the enrolments, their templates, then
   * the records of all of them at once).
   */
  async mine(user: AuthUser, query: SignOffsQueryDto): Promise<MySignOffsResponse> {
    const enrolments = await this.access
      .scopeSignOffEnrolments(
        this.db
          .getRepository(Enrolment)
          .createQueryBuilder('enrolment')
          .innerJoinAndSelect('enrolment.cohort', 'cohort')
          .innerJoinAndSelect('enrolment.ccc', 'ccc')
          .leftJoinAndSelect('enrolment.pcnSupervisor', 'pcnSupervisor')
          .leftJoinAndSelect('enrolment.allianceSupervisor', 'allianceSupervisor')
          .select([
            'enrolment.id',
            'enrolment.cccId',
            'enrolment.pcnId',
            'enrolment.pcnSupervisorId',
            'enrolment.allianceSupervisorId',
            'enrolment.status',
            'cohort.id',
            'cohort.startDate',
            'cohort.templateId',
            'ccc.id',
            'ccc.fullName',
            'pcnSupervisor.id',
            'pcnSupervisor.fullName',
            'allianceSupervisor.id',
            'allianceSupervisor.fullName',
          ]),
        'enrolment',
        user,
      )
      .orderBy('ccc.full_name', 'ASC')
      .getMany();
    const templateIds = [...new Set(enrolments.map((e) => e.cohort!.templateId))];
    const templates = new Map<string, ProgrammeTemplate>(
      templateIds.length === 0
        ? []
        : (await this.db.getRepository(ProgrammeTemplateVersion).find({ where: { id: In(templateIds) } })).map((t) => [
            t.id,
            t.definition,
          ]),
    );
    const facts = await loadSignOffFacts(
      this.db,
      enrolments.map((e) => ({
        id: e.id,
        status: e.status,
        cohortStart: e.cohort!.startDate,
        template: templates.get(e.cohort!.templateId)!,
      })),
    );

    const today = londonDate(new Date());
    const filter = { kind: query.kind, month: query.month };
    const awaitingMe: AwaitedSignOffRow[] = [];
    const waitingOn: AwaitedSignOffRow[] = [];
    const signedByMe: SignOffRow[] = [];
    const parties = new Set<Party>();
    let awaitingCount = 0;
    const cccs = new Map<string, PersonRef>();
    for (const enrolment of enrolments) {
      const ccc = personRef(enrolment.ccc)!;
      cccs.set(ccc.id, ccc);
      const mine = this.access.signOffParties(user, enrolment);
      mine.forEach((p) => parties.add(p));
      const f = facts.get(enrolment.id)!;
      const awaited = awaitedSignOffs(f, today);
      awaitingCount += awaited.filter((a) => mine.includes(a.awaiting)).length;
      if (query.ccc && query.ccc !== ccc.id) continue;
      const from: Record<Party, PersonRef | null> = {
        ccc,
        pcn: personRef(enrolment.pcnSupervisor),
        alliance: personRef(enrolment.allianceSupervisor),
      };
      for (const a of filterSignOffs(awaited, filter)) {
        const row = { ...a, ccc, from: from[a.awaiting] };
        if (mine.includes(a.awaiting)) awaitingMe.push(row);
        // The CCC's own view: what others still have to sign for them.
        else if (mine.includes('ccc')) waitingOn.push(row);
      }
      for (const e of filterSignOffs(signOffEvents(f), filter)) {
        if (e.by?.id === user.id) signedByMe.push({ ...e, ccc });
      }
    }
    const oldestFirst = (a: AwaitedSignOffRow, b: AwaitedSignOffRow) =>
      byText(a.since, b.since) || byText(a.key, b.key);
    return {
      parties: (['ccc', 'pcn', 'alliance'] as const).filter((p) => parties.has(p)),
      awaitingMe: awaitingMe.sort(oldestFirst),
      signedByMe: signedByMe.sort((a, b) => byText(b.at, a.at) || byText(a.key, b.key)),
      waitingOn: waitingOn.sort(oldestFirst),
      cccs: [...cccs.values()],
      awaitingCount,
    };
  }
}
