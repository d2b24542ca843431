import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AlliancePolicyFields, AlliancePolicyView, PrivacyNoticeRef, PrivacyNoticeView } from '@ccc/contracts';
import { buildPrivacyNotice, defaultPolicy } from '@ccc/programme';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import { type AuditRecord } from '../audit/audit.service';
import { Commands } from '../common/command';
import { Forbidden, NotFound, StaleVersion } from '../common/domain-errors';
import type { AuthUser } from '../common/auth-user';
import type { UpdateAlliancePolicyDto } from './dto/alliance-policy.dto';

/** An Alliance with its policy row, if it has one (none: the defaults). */
interface PolicyRow {
  alliance_id: string;
  alliance_name: string;
  retention_years: number | null;
  controller_name: string | null;
  contact_email: string | null;
  contact_address: string | null;
  notice_text: string | null;
  version: number | null;
  updated_at: Date | null;
}

const FIELDS = ['retentionYears', 'controllerName', 'contactEmail', 'contactAddress', 'noticeText'] as const;

function fieldsOf(row: PolicyRow): AlliancePolicyFields {
  if (row.version === null) return defaultPolicy();
  return {
    retentionYears: row.retention_years!,
    controllerName: row.controller_name,
    contactEmail: row.contact_email,
    contactAddress: row.contact_address,
    noticeText: row.notice_text,
  };
}

/** What the stale-version message names: "This Alliance's policy was changed by someone else since you read it…". */
const WHAT = "Alliance's policy";

const forbid = (): never => {
  throw new Forbidden('You are not acting for an Alliance');
};

/** Blank text is "not set"; a field left out keeps its value. */
const textOr = (given: string | null | undefined, current: string | null) =>
  given === undefined ? current : given === null || given === '' ? null : given;

/**
 * Each Alliance's information-governance policy and the privacy notice built from it. The notice is public (it
 * holds nothing personal); the policy is edited by the Alliance's own administrators only.
 */
@Injectable()
export class PrivacyService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly commands: Commands,
    private readonly access: AccessService,
  ) {}

  /** Every Alliance, by name: the sign-in page offers their notices before anyone has signed in. */
  async notices(): Promise<PrivacyNoticeRef[]> {
    const rows: { id: string; name: string }[] = await this.db.query(
      `SELECT id, name FROM organisation WHERE kind = 'alliance' ORDER BY name, id`,
    );
    return rows.map((r) => ({ allianceId: r.id, allianceName: r.name }));
  }

  async notice(allianceId: string): Promise<PrivacyNoticeView> {
    const row = await this.policyRow(this.db.manager, allianceId);
    if (!row) throw new NotFound('There is no Alliance with this id');
    const policy = fieldsOf(row);
    return {
      allianceId: row.alliance_id,
      allianceName: row.alliance_name,
      sections: buildPrivacyNotice(row.alliance_name, policy),
      policy,
      updatedAt: row.updated_at?.toISOString() ?? null,
    };
  }

  /** The caller's acting Alliance's policy; `version` 0 while it has the defaults. */
  async policy(user: AuthUser): Promise<AlliancePolicyView> {
    const row = await this.policyRow(this.db.manager, this.access.actingAlliance(user));
    if (!row) throw new Forbidden('You are not acting for an Alliance');
    return this.view(row);
  }

  /** Saves the whole policy against the version read: a stale version is a 409. Audited with before and after. */
  async update(user: AuthUser, dto: UpdateAlliancePolicyDto): Promise<AlliancePolicyView> {
    const allianceId = this.access.actingAlliance(user);
    const { view } = await this.commands.run({
      // No lock needed: the write below is conditional on the version read, so a concurrent save makes it a 409.
      load: async ({ manager }) => (await this.policyRow(manager, allianceId)) ?? forbid(),
      version: { read: dto.version, of: (current) => ({ version: current.version ?? 0 }), what: WHAT },
      apply: async ({ manager }, current) => {
        const before = fieldsOf(current);
        const after: AlliancePolicyFields = {
          retentionYears: dto.retentionYears,
          controllerName: textOr(dto.controllerName, before.controllerName),
          contactEmail: textOr(dto.contactEmail, before.contactEmail),
          contactAddress: textOr(dto.contactAddress, before.contactAddress),
          noticeText: textOr(dto.noticeText, before.noticeText),
        };
        // Nothing changed: no new version, no audit entry.
        if (FIELDS.every((f) => before[f] === after[f])) return { view: this.view(current), entry: null };
        const values = [
          allianceId,
          after.retentionYears,
          after.controllerName,
          after.contactEmail,
          after.contactAddress,
          after.noticeText,
        ];
        // Two first saves at once: the primary key lets one in, the other finds no row inserted (a 409).
        const [saved] = (
          current.version === null
            ? await manager.query(
                `INSERT INTO alliance_policy
                   (alliance_id, retention_years, controller_name, contact_email, contact_address, notice_text)
                 VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (alliance_id) DO NOTHING RETURNING version, updated_at`,
                values,
              )
            : // TypeORM answers an UPDATE with [rows, count].
              (
                await manager.query(
                  `UPDATE alliance_policy SET retention_years = $2, controller_name = $3, contact_email = $4,
                     contact_address = $5, notice_text = $6, version = version + 1, updated_at = now()
                   WHERE alliance_id = $1 AND version = $7 RETURNING version, updated_at`,
                  [...values, dto.version],
                )
              )[0]
        ) as { version: number; updated_at: Date }[];
        if (!saved) throw new StaleVersion(WHAT);
        const changed = FIELDS.filter((f) => before[f] !== after[f]);
        const entry: AuditRecord = {
          actorId: user.id,
          action: 'alliance_policy.updated',
          entityType: 'alliance_policy',
          entityId: allianceId,
          detail: {
            changed,
            before: Object.fromEntries(changed.map((f) => [f, before[f]])),
            after: Object.fromEntries(changed.map((f) => [f, after[f]])),
          },
        };
        const view = this.view({
          ...current,
          retention_years: after.retentionYears,
          controller_name: after.controllerName,
          contact_email: after.contactEmail,
          contact_address: after.contactAddress,
          notice_text: after.noticeText,
          version: saved.version,
          updated_at: saved.updated_at,
        });
        return { view, entry };
      },
      audit: (_, { entry }) => entry,
    });
    return view;
  }

  /** The Alliance and its policy (null columns: none saved yet); null when the id is no Alliance. */
  private async policyRow(manager: EntityManager, allianceId: string): Promise<PolicyRow | null> {
    const rows: PolicyRow[] = await manager.query(
      `SELECT o.id AS alliance_id, o.name AS alliance_name, p.retention_years, p.controller_name, p.contact_email,
              p.contact_address, p.notice_text, p.version, p.updated_at
         FROM organisation o LEFT JOIN alliance_policy p ON p.alliance_id = o.id
        WHERE o.id = $1 AND o.kind = 'alliance'`,
      [allianceId],
    );
    return rows[0] ?? null;
  }

  private view(row: PolicyRow): AlliancePolicyView {
    return {
      allianceId: row.alliance_id,
      allianceName: row.alliance_name,
      ...fieldsOf(row),
      updatedAt: row.updated_at?.toISOString() ?? null,
      version: row.version ?? 0,
    };
  }
}
