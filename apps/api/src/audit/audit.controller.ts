import { createHash, timingSafeEqual } from 'node:crypto';
import { Controller, Get, Headers, Inject, UnauthorizedException } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditVerification } from '@ccc/contracts';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser, Public, RequirePermission } from '../common/decorators';
import { oneRow } from '../common/one-row';
import { API_CONFIG, type ApiConfig } from '../config';
import { checkpointMacMatches } from './audit-keys';

type Break = { chainSeq: number; id: string | null; reason: string };

const digest = (value: string) => createHash('sha256').update(value).digest();

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /**
   * Administrators, for their Alliance: whether the whole trail holds (a yes or no), and the figures of their
   * Alliance's entries (those made by its people) only. The head's hash vouches for every entry before it.
   */
  @ApiBearerAuth()
  @RequirePermission('audit:verify')
  @Get('verify')
  async verify(@CurrentUser() user: AuthUser): Promise<AuditVerification> {
    return this.verification(user.allianceId ?? '00000000-0000-0000-0000-000000000000');
  }

  /**
   * Whoever runs the service (AUDIT_OPERATOR_TOKEN in the X-Operator-Token header): the whole trail's count and
   * head, to be recorded outside the database; a later cut is then seen against that record.
   */
  @Public()
  @ApiHeader({ name: 'X-Operator-Token', required: true })
  @Get('verify/service')
  async verifyService(@Headers('x-operator-token') token: string | undefined): Promise<AuditVerification> {
    const expected = this.config.audit.operatorToken;
    if (!expected || !token || !timingSafeEqual(digest(token), digest(expected)))
      throw new UnauthorizedException('The operator token is missing or wrong');
    return this.verification(null);
  }

  /**
   * Recomputes every entry's hash with the database's own function and checks each links to the one before (one
   * pass in SQL), then that every checkpoint carries the key's signature and still matches its entry: a re-hashed
   * chain no longer matches, and a cut below the last checkpoint leaves it pointing at a missing entry. Only the
   * first break is returned.
   */
  private async verification(allianceId: string | null): Promise<AuditVerification> {
    const [chainBreak] = (await this.db.query(`
      SELECT chain_seq::text, id::text, CASE
               WHEN chain_seq <> coalesce(previous_seq, 0) + 1 THEN 'an entry is missing before this one'
               WHEN prev_hash <> coalesce(previous_hash, repeat('0', 64)) THEN 'it does not link to the entry before'
               ELSE 'its content does not match its hash'
             END AS reason
        FROM (SELECT *, lag(chain_seq) OVER w AS previous_seq, lag(hash) OVER w AS previous_hash,
                     audit_entry_hash(prev_hash, chain_seq, at, actor_id, action, entity_type, entity_id, detail) AS recomputed
                FROM audit_entry WINDOW w AS (ORDER BY chain_seq)) chained
       WHERE chain_seq <> coalesce(previous_seq, 0) + 1
          OR prev_hash <> coalesce(previous_hash, repeat('0', 64))
          OR hash <> recomputed
       ORDER BY chain_seq
       LIMIT 1`)) as { chain_seq: string; id: string; reason: string }[];
    const checkpoints = (await this.db.query(`
      SELECT c.chain_seq::text, c.head_hash, c.mac, c.at, e.id::text AS entry_id, e.hash AS entry_hash
        FROM audit_checkpoint c LEFT JOIN audit_entry e ON e.chain_seq = c.chain_seq
       ORDER BY c.chain_seq, c.id`)) as {
      chain_seq: string;
      head_hash: string;
      mac: string;
      at: Date;
      entry_id: string | null;
      entry_hash: string | null;
    }[];
    let checkpointBreak: Break | null = null;
    for (const c of checkpoints) {
      const reason = !checkpointMacMatches(this.config.audit.key, c.chain_seq, c.head_hash, c.mac)
        ? 'a checkpoint here does not carry the audit key’s signature'
        : c.entry_hash === null
          ? 'a signed checkpoint names this entry but it is missing: the trail was cut short'
          : c.entry_hash !== c.head_hash
            ? 'it no longer matches the checkpoint signed for it: the chain was rewritten'
            : null;
      if (reason) {
        checkpointBreak = { chainSeq: Number(c.chain_seq), id: c.entry_id, reason };
        break;
      }
    }
    // The scope: the caller's Alliance's entries (by its people), or all of them.
    const inScope =
      allianceId === null
        ? 'true'
        : `actor_id IN (SELECT ra.person_id FROM role_assignment ra JOIN organisation o ON o.id = ra.organisation_id
                          WHERE o.alliance_id = $1)`;
    const params = allianceId === null ? [] : [allianceId];
    const { n, head_seq, head_hash } = oneRow(
      (await this.db.query(
        `WITH scoped AS (SELECT count(*)::int AS n, max(chain_seq) AS head_seq FROM audit_entry WHERE ${inScope})
       SELECT n, head_seq::text, (SELECT hash FROM audit_entry WHERE chain_seq = scoped.head_seq) AS head_hash
         FROM scoped`,
        params,
      )) as { n: number; head_seq: string | null; head_hash: string | null }[],
    );
    // An Alliance sees the checkpoint that covers its head; the operator, the newest.
    const covering =
      allianceId === null
        ? checkpoints.at(-1)
        : head_seq === null
          ? undefined
          : checkpoints.find((c) => BigInt(c.chain_seq) >= BigInt(head_seq));
    const breaks = [
      chainBreak ? { chainSeq: Number(chainBreak.chain_seq), id: chainBreak.id, reason: chainBreak.reason } : null,
      checkpointBreak,
    ].filter((b): b is Break => b !== null);
    const first = breaks.sort((a, b) => a.chainSeq - b.chainSeq)[0];
    let firstBroken: AuditVerification['firstBroken'] = first ?? null;
    if (first && allianceId !== null && first.id !== null) {
      // Another Alliance's entry is not named to this one; that the trail is broken is.
      const { mine } = oneRow(
        (await this.db.query(`SELECT EXISTS (SELECT 1 FROM audit_entry WHERE id = $2 AND ${inScope}) AS mine`, [
          allianceId,
          first.id,
        ])) as { mine: boolean }[],
      );
      if (!mine) firstBroken = { chainSeq: null, id: null, reason: `${first.reason} (an entry outside your Alliance)` };
    }
    return {
      scope: allianceId === null ? 'service' : 'alliance',
      valid: !first,
      entries: n,
      head: head_seq === null || head_hash === null ? null : { chainSeq: Number(head_seq), hash: head_hash },
      lastCheckpoint: covering
        ? { chainSeq: Number(covering.chain_seq), hash: covering.head_hash, at: new Date(covering.at).toISOString() }
        : null,
      firstBroken,
    };
  }
}
