import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type AwaitedSignOffRow,
  type MySignOffsResponse,
  type PersonRef,
  SIGNED_PAGE_SIZE,
  type SignOffRow,
  type SignOffsSummary,
} from '@ccc/contracts';
import {
  type AwaitedSignOff,
  awaitedSignOffs,
  byText,
  filterSignOffs,
  londonDate,
  type Party,
  signOffEvents,
} from '@ccc/programme';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../common/auth-user';
import { Enrolment } from '../enrolments/enrolment.entity';
import { templateDefinitions } from '../programmes/template.read-model';
import { personRef } from '../sessions/session-view';
import type { SignOffsQueryDto } from './dto/sign-offs-query.dto';
import { loadSignOffFacts } from './sign-off-facts';
import { Clock } from '../common/clock';
import { CCCS_PER_TURN, nextTurn } from '../common/next-turn';
import { loaded } from '../common/loaded';
import { lookup } from '../common/lookup';

@Injectable()
export class SignOffsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  /**
   * The caller's own sign-offs (#24): three queries whatever the caseload (the enrolments, their templates, then
   * the records of all of them at once). What they signed comes a page at a time, newest first.
   */
  async mine(user: AuthUser, query: SignOffsQueryDto): Promise<MySignOffsResponse> {
    const { enrolments, facts, parties, awaitingCount, mineOf, awaitedOf } = await this.load(user);
    const filter = { kind: query.kind, month: query.month };
    const awaitingMe: AwaitedSignOffRow[] = [];
    const waitingOn: AwaitedSignOffRow[] = [];
    const signedByMe: SignOffRow[] = [];
    const cccs = new Map<string, PersonRef>();
    for (const [i, enrolment] of enrolments.entries()) {
      if (i > 0 && i % CCCS_PER_TURN === 0) await nextTurn();
      const ccc = { id: enrolment.ccc.id, fullName: enrolment.ccc.fullName };
      cccs.set(ccc.id, ccc);
      if (query.ccc && query.ccc !== ccc.id) continue;
      const mine = lookup(mineOf, enrolment.id);
      const f = lookup(facts, enrolment.id);
      const from: Record<Party, PersonRef | null> = {
        ccc,
        pcn: personRef(enrolment.pcnSupervisor),
        alliance: personRef(enrolment.allianceSupervisor),
      };
      for (const a of filterSignOffs(lookup(awaitedOf, enrolment.id), filter)) {
        const row = { ...a, ccc, from: from[a.awaiting] };
        if (mine.includes(a.awaiting)) awaitingMe.push(row);
        // The CCC's own view: what others still have to sign for them.
        else if (mine.includes('ccc')) waitingOn.push(row);
      }
      for (const e of filterSignOffs(signOffEvents(f, user.id), filter)) signedByMe.push({ ...e, ccc });
    }
    const oldestFirst = (a: AwaitedSignOffRow, b: AwaitedSignOffRow) =>
      byText(a.since, b.since) || byText(a.key, b.key);
    const signedPage = query.signedPage ?? 1;
    const signedPageSize = query.signedPageSize ?? SIGNED_PAGE_SIZE;
    const newestFirst = signedByMe.sort((a, b) => byText(b.at, a.at) || byText(a.key, b.key));
    return {
      parties,
      awaitingMe: awaitingMe.sort(oldestFirst),
      signedByMe: newestFirst.slice((signedPage - 1) * signedPageSize, signedPage * signedPageSize),
      signedTotal: newestFirst.length,
      signedPage,
      signedPageSize,
      waitingOn: waitingOn.sort(oldestFirst),
      cccs: [...cccs.values()],
      awaitingCount,
    };
  }

  /**
   * The counts a home page shows: what awaits the caller, and for a CCC what they wait on. The same three queries
   * as the lists, without building or sending them (every home page asks for this).
   */
  async summary(user: AuthUser): Promise<SignOffsSummary> {
    const { parties, awaitingCount, waitingOnCount } = await this.load(user);
    return { parties, awaitingCount, waitingOnCount };
  }

  /** The caller's enrolments with their sign-off facts, the parties they sign for in each, and the counts. */
  private async load(user: AuthUser) {
    const found = await this.access
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
    const enrolments = found.map((e) => loaded(e, 'cohort', 'ccc'));
    const templateIds = [...new Set(enrolments.map((e) => e.cohort.templateId))];
    // Definitions parsed once per process (template.read-model.ts), as every other read takes them.
    const templates = await templateDefinitions(this.db, templateIds);
    const facts = await loadSignOffFacts(
      this.db,
      enrolments.map((e) => ({
        id: e.id,
        status: e.status,
        cohortStart: e.cohort.startDate,
        template: lookup(templates, e.cohort.templateId),
      })),
    );

    const today = londonDate(this.clock.now());
    const parties = new Set<Party>();
    const mineOf = new Map<string, Party[]>();
    const awaitedOf = new Map<string, AwaitedSignOff[]>();
    let awaitingCount = 0;
    let waitingOnCount = 0;
    for (const [i, enrolment] of enrolments.entries()) {
      if (i > 0 && i % CCCS_PER_TURN === 0) await nextTurn();
      const mine = this.access.signOffParties(user, enrolment);
      mineOf.set(enrolment.id, mine);
      mine.forEach((p) => parties.add(p));
      const awaited = awaitedSignOffs(lookup(facts, enrolment.id), today);
      awaitedOf.set(enrolment.id, awaited);
      for (const a of awaited) {
        if (mine.includes(a.awaiting)) awaitingCount += 1;
        else if (mine.includes('ccc')) waitingOnCount += 1;
      }
    }
    return {
      enrolments,
      facts,
      mineOf,
      awaitedOf,
      parties: (['ccc', 'pcn', 'alliance'] as const).filter((p) => parties.has(p)),
      awaitingCount,
      waitingOnCount,
    };
  }
}
