import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ErasureResult, RetentionList, RetentionRow } from '@ccc/contracts';
import { DEFAULT_RETENTION_YEARS, londonDate, retentionState } from '@ccc/programme';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../common/auth-user';
import { Clock } from '../common/clock';
import { Commands } from '../common/command';
import type { RequestErasureDto } from './dto/erasure.dto';
import { eraseDueEnrolments, eraseEnrolment, retentionCandidates, type RetentionRunResult } from './erasure';
import { Invalid, NotFound } from '../common/domain-errors';

/**
 * Retention of ended enrolments and erasure of their personal data, for the administrator of their Alliance.
 * The scope rule is here rather than in the access service for now: an administrator acts for the Alliance their
 * session acts in, and reaches only that Alliance's enrolments.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger('Retention');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly access: AccessService,
    private readonly commands: Commands,
  ) {}

  /** The Alliance whose records this administrator manages: the one they act in (none for anyone else). */
  private administered(user: AuthUser): string[] {
    return user.allianceId && this.access.administers(user, user.allianceId) ? [user.allianceId] : [];
  }

  /** Every enrolment of the Alliance with when it ended, when its retention ends, and whether it is erased: two queries. */
  async list(user: AuthUser): Promise<RetentionList> {
    const alliances = this.administered(user);
    const now = this.clock.now();
    const today = londonDate(now);
    const candidates = await retentionCandidates(this.db, { allianceIds: alliances, endedOnly: false });
    const [policy] = (await this.db.query(
      `SELECT retention_years FROM alliance_policy WHERE alliance_id = ANY($1::uuid[]) ORDER BY alliance_id LIMIT 1`,
      [alliances],
    )) as { retention_years: number }[];
    const enrolments = candidates.map(({ row, facts, retentionYears }): RetentionRow => {
      const state = retentionState(facts, retentionYears, today);
      return {
        enrolmentId: row.id,
        cohort: { id: row.cohort_id, name: row.cohort_name },
        ccc: { id: row.ccc_id, fullName: row.ccc_name },
        pcn: { id: row.pcn_id, name: row.pcn_name },
        status: row.status,
        endedOn: state.endedOn,
        retentionEndsOn: state.retentionEndsOn,
        due: state.due,
        erasedAt: row.erased_at?.toISOString() ?? null,
        erasedReason: row.erased_reason,
      };
    });
    return { retentionYears: policy?.retention_years ?? DEFAULT_RETENTION_YEARS, today, enrolments };
  }

  /** Erasure on request: the enrolment's Alliance administrator; 404 unknown, 409 active or already erased. */
  async requestErasure(user: AuthUser, enrolmentId: string, dto: RequestErasureDto): Promise<ErasureResult> {
    const reason = dto.reason.trim();
    if (!reason) throw new Invalid([{ field: 'reason', reason: 'reason must say why the personal data is erased' }]);
    const outcome = await this.commands.run({
      load: async ({ manager }) => {
        const [row] = (await manager.query(
          `SELECT c.alliance_id FROM enrolment e JOIN cohort c ON c.id = e.cohort_id WHERE e.id = $1`,
          [enrolmentId],
        )) as { alliance_id: string }[];
        // Another Alliance's enrolment is as unknown as a missing one.
        if (!row || !this.access.administers(user, row.alliance_id)) throw new NotFound('Enrolment not found');
        return row;
      },
      // Audited by eraseEnrolment itself, which the retention job shares (404 gone meanwhile, 409 active or erased).
      apply: ({ manager }) =>
        eraseEnrolment(manager, this.audit, { enrolmentId, reason, actorId: user.id, now: this.clock.now() }),
    });
    return {
      enrolmentId,
      erasedAt: outcome.erasedAt.toISOString(),
      reason,
      personAnonymised: outcome.personAnonymised,
      erased: outcome.erased,
    };
  }

  /** What the scheduled job does, callable directly (the tests move the clock and run it). */
  async runRetention(): Promise<RetentionRunResult> {
    const result = await eraseDueEnrolments(this.db, this.audit, this.clock.now(), (id, error) =>
      this.logger.error(`Erasure of enrolment ${id} failed: ${error instanceof Error ? error.message : String(error)}`),
    );
    if (result.due) this.logger.log(`Retention: ${result.erased} of ${result.due} due enrolments erased`);
    return result;
  }
}
