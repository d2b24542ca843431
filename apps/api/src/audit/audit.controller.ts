import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditVerification } from '@ccc/contracts';
import { DataSource } from 'typeorm';
import { RequirePermission } from '../common/decorators';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Administrators: recomputes every entry's hash with the database's own function and checks each links to
   * the one before. One pass in SQL; only the first break is returned.
   */
  @RequirePermission('audit:verify')
  @Get('verify')
  async verify(): Promise<AuditVerification> {
    const [{ n }] = (await this.db.query('SELECT count(*)::int AS n FROM audit_entry')) as { n: number }[];
    const broken: { chain_seq: string; id: string; reason: string }[] = await this.db.query(`
      SELECT chain_seq, id::text, CASE
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
       LIMIT 1`);
    const first = broken[0];
    return {
      valid: !first,
      entries: n,
      firstBroken: first ? { chainSeq: Number(first.chain_seq), id: first.id, reason: first.reason } : null,
    };
  }
}
