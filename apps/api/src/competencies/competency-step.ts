import { Injectable } from '@nestjs/common';
import {
  type CompetencyEvent,
  type CompetencyState,
  competencyTransition,
  type CompetencyTransitionInput,
} from '@ccc/programme';
import { type EntityManager, QueryFailedError } from 'typeorm';
import { Clock } from '../common/clock';
import { insertedId } from '../common/lookup';
import { refuseIfClosed } from '../enrolments/enrolment-lock';
import { type CompetencyContext } from './competency-context.service';
import { CompetencyProgress } from './competency-progress.entity';
import { Conflict, Invalid } from '../common/domain-errors';

export const UNIQUE_VIOLATION = '23505';

export const STALE = 'This competency was changed since you read it; reload it and try again';

/** True when `error` is PostgreSQL refusing a second row where one is unique (two writers raced). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string }).code === UNIQUE_VIOLATION;
}

/** The one move of a competency's progress, shared by the CCC's evidence steps and the supervisor's reviews. */
@Injectable()
export class CompetencyStepper {
  constructor(private readonly clock: Clock) {}

  /**
   * Moves one competency of the enrolment by `event`: locks its progress row (or finds none: not started, version
   * 0), checks the version read when one is given, applies the transition and writes the new state.
   */
  async step(
    manager: EntityManager,
    ctx: CompetencyContext,
    code: string,
    event: CompetencyEvent,
    versionRead: number | null,
    input: CompetencyTransitionInput = {},
  ): Promise<{ progress: CompetencyProgress; from: CompetencyState; versionRead: number; entered: boolean }> {
    // A completed or withdrawn enrolment's record is read-only (corrections go through amendments).
    await refuseIfClosed(manager, [ctx.enrolment.id]);
    const row = await manager.findOne(CompetencyProgress, {
      where: { enrolmentId: ctx.enrolment.id, competencyCode: code },
      lock: { mode: 'pessimistic_write' },
    });
    const from = row?.state ?? 'not_started';
    const current = row?.version ?? 0;
    if (versionRead !== null && versionRead !== current) {
      if (event === 'sign_off' && from === 'signed_off')
        throw new Conflict('This competency is already signed off: it was not signed off a second time');
      throw new Conflict(STALE);
    }
    const transition = competencyTransition(from, event, input);
    if (!transition.ok) {
      if (transition.field) throw new Invalid([{ field: transition.field, reason: transition.reason }]);
      throw new Conflict(transition.reason);
    }
    const entered = transition.to !== from;
    const now = this.clock.now();
    if (!row) {
      try {
        const { identifiers } = await manager.insert(CompetencyProgress, {
          enrolmentId: ctx.enrolment.id,
          competencyCode: code,
          state: transition.to,
          stateChangedAt: now,
        });
        const progress = await manager.findOneByOrFail(CompetencyProgress, { id: insertedId({ identifiers }) });
        return { progress, from, versionRead: current, entered };
      } catch (error) {
        if (isUniqueViolation(error)) throw new Conflict(STALE);
        throw error;
      }
    }
    const result = await manager.update(
      CompetencyProgress,
      { id: row.id, version: row.version },
      { state: transition.to, stateChangedAt: entered ? now : row.stateChangedAt, version: row.version + 1 },
    );
    if (result.affected !== 1) throw new Conflict(STALE);
    return {
      progress: {
        ...row,
        state: transition.to,
        version: row.version + 1,
        stateChangedAt: entered ? now : row.stateChangedAt,
      },
      from,
      versionRead: current,
      entered,
    };
  }
}
