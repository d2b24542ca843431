import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type TnaResponse, type TnaRoundView } from '@ccc/contracts';
import {
  competenciesOf,
  type CompetencyFramework,
  isRatingOnScale,
  type TnaFacts,
  tnaRoundOpen,
  tnaSignBlocker,
  tnaSignedByBoth,
  type TnaSide,
} from '@ccc/programme';
import { DataSource, type EntityManager, In, QueryFailedError } from 'typeorm';
import { AccessService } from '../access/access.service';
import { Commands } from '../common/command';
import type { AuthUser } from '../common/auth-user';
import { assertVersion, Conflict, type FieldError, Forbidden, Invalid, StaleVersion } from '../common/domain-errors';
import { Person } from '../people/person.entity';
import { personRef } from '../sessions/session-view';
import { type CompetencyContext, CompetencyContextService, frameworkRef } from './competency-context.service';
import { Tna, TnaRating } from './tna.entity';
import { Clock } from '../common/clock';
import { insertedId } from '../common/lookup';

type RatingInput = { code: string; rating: number; text: string | null };

function facts(tna: Tna | undefined, round: number, ratings: TnaRating[]): TnaFacts {
  return {
    round,
    cccSignedAt: tna?.cccSignedAt?.toISOString() ?? null,
    supervisorSignedAt: tna?.supervisorSignedAt?.toISOString() ?? null,
    ratings: ratings.map((r) => ({ code: r.competencyCode, selfRating: r.selfRating, agreedRating: r.agreedRating })),
  };
}

/**
 * The training needs analysis: the CCC's own ratings, the ratings and needs agreed with their Alliance supervisor,
 * and both signatures. A change clears signatures already given; a round signed by both is closed.
 */
@Injectable()
export class TnaService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly context: CompetencyContextService,
    private readonly access: AccessService,
    private readonly commands: Commands,
    private readonly clock: Clock,
  ) {}

  /** Round 1, and round 2 once round 1 is signed by both: four queries. */
  async get(user: AuthUser, enrolmentId: string): Promise<TnaResponse> {
    const ctx = await this.context.forEnrolment(user, enrolmentId);
    const tnas = await this.db.getRepository(Tna).find({ where: { enrolmentId }, order: { round: 'ASC' } });
    const ratings = tnas.length
      ? await this.db.getRepository(TnaRating).find({ where: { tnaId: In(tnas.map((t) => t.id)) } })
      : [];
    const signerIds = tnas.flatMap((t) => [t.cccSignedById, t.supervisorSignedById]).filter((id): id is string => !!id);
    const people = signerIds.length
      ? new Map((await this.db.getRepository(Person).find({ where: { id: In(signerIds) } })).map((p) => [p.id, p]))
      : new Map<string, Person>();
    const rounds: TnaRoundView[] = [];
    let previous: TnaFacts | null = null;
    for (const round of [1, 2]) {
      const tna = tnas.find((t) => t.round === round);
      const mine = tna ? ratings.filter((r) => r.tnaId === tna.id) : [];
      const roundFacts = facts(tna, round, mine);
      if (!tna && !tnaRoundOpen(round, previous)) break;
      rounds.push(this.roundView(ctx, tna, roundFacts, mine, people));
      previous = roundFacts;
    }
    return {
      enrolmentId,
      framework: frameworkRef(ctx.frameworkRow),
      scale: ctx.framework.scale,
      domains: ctx.framework.domains.map((d) => ({
        key: d.key,
        title: d.title,
        competencies: d.competencies.map((c) => ({ code: c.code, title: c.title })),
      })),
      rounds,
    };
  }

  private roundView(
    ctx: CompetencyContext,
    tna: Tna | undefined,
    roundFacts: TnaFacts,
    ratings: TnaRating[],
    people: Map<string, Person>,
  ): TnaRoundView {
    const signed = tnaSignedByBoth(roundFacts);
    const side = ctx.side;
    const blocker = side ? tnaSignBlocker(ctx.framework, roundFacts, side) : null;
    const ownSignature = side === 'ccc' ? roundFacts.cccSignedAt : roundFacts.supervisorSignedAt;
    const byCode = new Map(ratings.map((r) => [r.competencyCode, r]));
    return {
      round: roundFacts.round,
      version: tna?.version ?? 0,
      signed,
      cccSignature: tna?.cccSignedAt
        ? { by: personRef(people.get(tna.cccSignedById ?? '')), at: tna.cccSignedAt.toISOString() }
        : null,
      supervisorSignature: tna?.supervisorSignedAt
        ? { by: personRef(people.get(tna.supervisorSignedById ?? '')), at: tna.supervisorSignedAt.toISOString() }
        : null,
      ratings: competenciesOf(ctx.framework).map((c) => {
        const r = byCode.get(c.code);
        return {
          code: c.code,
          selfRating: r?.selfRating ?? null,
          selfNote: r?.selfNote ?? null,
          agreedRating: r?.agreedRating ?? null,
          needs: r?.needs ?? null,
        };
      }),
      signBlocker: ownSignature ? null : blocker,
      availableActions:
        signed || !side
          ? []
          : [
              side === 'ccc' ? 'rate_self' : 'agree_ratings',
              ...(blocker === null && !ownSignature ? ['sign' as const] : []),
            ],
    };
  }

  /** Each code a competency of the framework, once; each rating a level of its scale. */
  private checkRatings(framework: CompetencyFramework, ratings: { code: string; rating: number }[]): void {
    const known = new Set(competenciesOf(framework).map((c) => c.code));
    const seen = new Set<string>();
    const problems: FieldError[] = [];
    ratings.forEach((r, i) => {
      if (!known.has(r.code))
        problems.push({ field: `ratings.${i}.code`, reason: `${r.code} is not a competency of the framework` });
      else if (seen.has(r.code)) problems.push({ field: `ratings.${i}.code`, reason: `${r.code} is rated twice` });
      seen.add(r.code);
      if (!isRatingOnScale(framework, r.rating))
        problems.push({
          field: `ratings.${i}.rating`,
          reason: `rating must be a level of the scale, 1 to ${framework.scale.length}`,
        });
    });
    if (problems.length > 0) throw new Invalid(problems);
  }

  /**
   * The round's row, locked, at the version read (none yet: version 0); the previous round must be signed by both
   * before round 2 opens. Called after the pipeline's closed check, which locks the enrolment first.
   */
  private async lockRound(manager: EntityManager, enrolmentId: string, round: number, versionRead: number) {
    const rows = await manager.find(Tna, {
      where: { enrolmentId },
      order: { round: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    const tna = rows.find((t) => t.round === round);
    if (!tna && round > 1) {
      const before = rows.find((t) => t.round === round - 1);
      if (!before || !tnaSignedByBoth(facts(before, round - 1, [])))
        throw new Conflict(`TNA ${round} opens once TNA ${round - 1} is signed by the CCC and the Alliance supervisor`);
    }
    assertVersion({ version: tna?.version ?? 0 }, versionRead, 'TNA');
    return tna;
  }

  /** A TNA command's first steps: the enrolment (its access already checked) and its closed check. */
  private round(enrolmentId: string) {
    return { load: async () => enrolmentId, enrolments: (id: string) => [id] };
  }

  async rateSelf(
    user: AuthUser,
    enrolmentId: string,
    round: number,
    dto: { ratings: { code: string; rating: number; note?: string }[]; version: number },
  ) {
    return this.rate(
      user,
      enrolmentId,
      round,
      'ccc',
      dto.version,
      dto.ratings.map((r) => ({ code: r.code, rating: r.rating, text: r.note?.trim() || null })),
    );
  }

  async agree(
    user: AuthUser,
    enrolmentId: string,
    round: number,
    dto: { ratings: { code: string; rating: number; needs?: string }[]; version: number },
  ) {
    return this.rate(
      user,
      enrolmentId,
      round,
      'supervisor',
      dto.version,
      dto.ratings.map((r) => ({ code: r.code, rating: r.rating, text: r.needs?.trim() || null })),
    );
  }

  private async rate(
    user: AuthUser,
    enrolmentId: string,
    round: number,
    side: TnaSide,
    versionRead: number,
    ratings: RatingInput[],
  ): Promise<TnaResponse> {
    const ctx = await this.context.forEnrolment(user, enrolmentId);
    this.access.requireCompetencySide(user, ctx.enrolment, side);
    this.checkRatings(ctx.framework, ratings);
    await this.commands.run({
      ...this.round(enrolmentId),
      apply: async ({ manager, publish }) => {
        let tna = await this.lockRound(manager, enrolmentId, round, versionRead);
        if (tna && tnaSignedByBoth(facts(tna, round, [])))
          throw new Conflict('This TNA is signed by both: it cannot change');
        if (!tna) {
          try {
            const { identifiers } = await manager.insert(Tna, { enrolmentId, round });
            tna = await manager.findOneByOrFail(Tna, { id: insertedId({ identifiers }) });
          } catch (error) {
            // Another first rating of this round got there first.
            if (error instanceof QueryFailedError) throw new StaleVersion('TNA');
            throw error;
          }
        }
        const existing = new Map(
          (await manager.find(TnaRating, { where: { tnaId: tna.id } })).map((r) => [r.competencyCode, r]),
        );
        const changed = ratings.filter((r) => {
          const before = existing.get(r.code);
          return side === 'ccc'
            ? before?.selfRating !== r.rating || (before?.selfNote ?? null) !== r.text
            : before?.agreedRating !== r.rating || (before?.needs ?? null) !== r.text;
        });
        const [ratingColumn, textColumn] = side === 'ccc' ? ['self_rating', 'self_note'] : ['agreed_rating', 'needs'];
        if (changed.length > 0) {
          // One statement for every competency rated.
          await manager.query(
            `INSERT INTO tna_rating (tna_id, competency_code, ${ratingColumn}, ${textColumn})
             SELECT $1, v.code, v.rating, v.text FROM unnest($2::text[], $3::int[], $4::text[]) AS v(code, rating, text)
           ON CONFLICT (tna_id, competency_code)
             DO UPDATE SET ${ratingColumn} = EXCLUDED.${ratingColumn}, ${textColumn} = EXCLUDED.${textColumn}`,
            [tna.id, changed.map((r) => r.code), changed.map((r) => r.rating), changed.map((r) => r.text)],
          );
        }
        const clearsSignatures = changed.length > 0 && (!!tna.cccSignedAt || !!tna.supervisorSignedAt);
        const result = await manager.update(
          Tna,
          { id: tna.id, version: tna.version },
          {
            version: tna.version + 1,
            ...(clearsSignatures
              ? { cccSignedAt: null, cccSignedById: null, supervisorSignedAt: null, supervisorSignedById: null }
              : {}),
          },
        );
        if (result.affected !== 1) throw new StaleVersion('TNA');
        await publish({ type: 'tna.rated', enrolmentId, round, side, ratedById: user.id });
        return { tna, changed, clearsSignatures };
      },
      audit: (_, { tna, changed, clearsSignatures }) => ({
        actorId: user.id,
        action: side === 'ccc' ? 'tna.self-rated' : 'tna.ratings-agreed',
        entityType: 'tna',
        entityId: tna.id,
        detail: {
          enrolmentId,
          round,
          changed: changed.map((r) => ({ code: r.code, rating: r.rating })),
          signaturesCleared: clearsSignatures,
        },
      }),
    });
    return this.get(user, enrolmentId);
  }

  /** The CCC or their own Alliance supervisor signs their side, once every competency has both ratings. */
  async sign(user: AuthUser, enrolmentId: string, round: number, versionRead: number): Promise<TnaResponse> {
    const ctx = await this.context.forEnrolment(user, enrolmentId);
    const side = ctx.side;
    if (!side) throw new Forbidden('Only the CCC and their own Alliance supervisor sign the TNA');
    await this.commands.run({
      ...this.round(enrolmentId),
      apply: async ({ manager }) => {
        const tna = await this.lockRound(manager, enrolmentId, round, versionRead);
        const ratings = tna ? await manager.find(TnaRating, { where: { tnaId: tna.id } }) : [];
        const blocker = tnaSignBlocker(ctx.framework, facts(tna, round, ratings), side);
        if (blocker || !tna) throw new Conflict(blocker ?? 'Nothing is rated yet');
        const now = this.clock.now();
        const signature =
          side === 'ccc'
            ? { cccSignedAt: now, cccSignedById: user.id }
            : { supervisorSignedAt: now, supervisorSignedById: user.id };
        const result = await manager.update(
          Tna,
          { id: tna.id, version: tna.version },
          { ...signature, version: tna.version + 1 },
        );
        if (result.affected !== 1) throw new StaleVersion('TNA');
        return tna;
      },
      audit: (_, tna) => ({
        actorId: user.id,
        action: 'tna.signed',
        entityType: 'tna',
        entityId: tna.id,
        detail: {
          enrolmentId,
          round,
          side,
          signedByBoth: side === 'ccc' ? !!tna.supervisorSignedAt : !!tna.cccSignedAt,
        },
      }),
    });
    return this.get(user, enrolmentId);
  }
}
