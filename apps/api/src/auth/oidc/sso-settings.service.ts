import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type SsoProviderFields, type SsoSettingsView, ssoSecretVariable } from '@ccc/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService } from '../../access/access.service';
import { AuditService } from '../../audit/audit.service';
import type { AuthUser } from '../../common/auth-user';
import { validationFailed } from '../../common/errors';
import type { SaveSsoProviderDto } from './dto/sso-settings.dto';
import { isLoopbackHttp, OidcService } from './oidc.service';
import { SsoProvider } from './sso-provider.entity';
import { SsoRequiredPerson } from './sso-required-person.entity';

const FIELDS = [
  'slug',
  'label',
  'issuer',
  'clientId',
  'clientSecretFile',
  'scopes',
  'acrValues',
  'emailClaim',
  'subjectClaim',
  'requireVerifiedEmail',
  'enabled',
  'ssoRequired',
] as const satisfies readonly (keyof SsoProviderFields)[];

function fieldsOf(row: SsoProvider): SsoProviderFields {
  return Object.fromEntries(FIELDS.map((f) => [f, row[f]])) as unknown as SsoProviderFields;
}

/** https, or http on this machine only (the local provider of the demo and the tests). */
function issuerProblem(issuer: string): string | null {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return 'issuer must be a URL, like https://login.microsoftonline.com/<tenant-id>/v2.0';
  }
  if (url.protocol === 'https:' || isLoopbackHttp(issuer)) {
    if (url.search || url.hash) return 'issuer must have no query or fragment';
    return null;
  }
  return 'issuer must be an https:// address (plain http only on 127.0.0.1 or localhost)';
}

/** An Alliance administrator's single sign-on settings: the provider, and who must use it. */
@Injectable()
export class SsoSettingsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly access: AccessService,
    private readonly oidc: OidcService,
  ) {}

  async settings(user: AuthUser): Promise<SsoSettingsView> {
    return this.view(this.db.manager, this.access.actingAlliance(user));
  }

  /** Creates or replaces the provider against the version read (stale: 409); audited with what changed. */
  async save(user: AuthUser, dto: SaveSsoProviderDto): Promise<SsoSettingsView> {
    const allianceId = this.access.actingAlliance(user);
    const problem = issuerProblem(dto.issuer);
    if (problem) throw validationFailed([{ field: 'issuer', reason: problem }]);
    return this.db.transaction(async (manager) => {
      const repo = manager.getRepository(SsoProvider);
      const current = await repo.findOne({ where: { allianceId }, lock: { mode: 'pessimistic_write' } });
      if ((current?.version ?? 0) !== dto.version)
        throw new ConflictException(
          "The Alliance's sign-in settings were changed by someone else since you read them; reload them and make your change again",
        );
      const taken = await repo.findOneBy({ slug: dto.slug });
      if (taken && taken.allianceId !== allianceId)
        throw new ConflictException({
          message: 'Another Alliance uses this short name',
          errors: [{ field: 'slug', reason: 'slug is used by another Alliance: choose another' }],
        });
      const before = current ? fieldsOf(current) : null;
      const after: SsoProviderFields = {
        slug: dto.slug,
        label: dto.label,
        issuer: dto.issuer.replace(/\/+$/, ''),
        clientId: dto.clientId,
        clientSecretFile: dto.clientSecretFile || null,
        scopes: dto.scopes ?? before?.scopes ?? 'openid email profile',
        acrValues: dto.acrValues === undefined ? (before?.acrValues ?? null) : dto.acrValues || null,
        emailClaim: dto.emailClaim ?? before?.emailClaim ?? 'email',
        subjectClaim: dto.subjectClaim ?? before?.subjectClaim ?? 'sub',
        requireVerifiedEmail: dto.requireVerifiedEmail ?? before?.requireVerifiedEmail ?? true,
        enabled: dto.enabled ?? before?.enabled ?? true,
        ssoRequired: dto.ssoRequired ?? before?.ssoRequired ?? false,
      };
      const changed = FIELDS.filter((f) => before?.[f] !== after[f]);
      if (changed.length === 0) return this.view(manager, allianceId);
      if (current) await repo.save(Object.assign(current, after));
      else await repo.insert({ allianceId, ...after });
      await this.audit.record(manager, {
        actorId: user.id,
        action: current ? 'sso_provider.updated' : 'sso_provider.created',
        entityType: 'sso_provider',
        entityId: allianceId,
        detail: {
          changed,
          before: before ? Object.fromEntries(changed.map((f) => [f, before[f]])) : null,
          after: Object.fromEntries(changed.map((f) => [f, after[f]])),
        },
      });
      return this.view(manager, allianceId);
    });
  }

  /** Requires (or no longer requires) single sign-on of one person of the Alliance; 404 for anyone else. */
  async setRequired(user: AuthUser, personId: string, required: boolean): Promise<SsoSettingsView> {
    const allianceId = this.access.actingAlliance(user);
    return this.db.transaction(async (manager) => {
      const [member] = (await manager.query(
        `SELECT 1 FROM role_assignment ra JOIN organisation o ON o.id = ra.organisation_id
          WHERE ra.person_id = $1 AND o.alliance_id = $2 LIMIT 1`,
        [personId, allianceId],
      )) as unknown[];
      if (!member) throw new NotFoundException('There is nobody with this id in your Alliance');
      const repo = manager.getRepository(SsoRequiredPerson);
      const had = await repo.existsBy({ allianceId, personId });
      if (had === required) return this.view(manager, allianceId);
      if (required) await repo.insert({ allianceId, personId, requiredById: user.id });
      else await repo.delete({ allianceId, personId });
      await this.audit.record(manager, {
        actorId: user.id,
        action: required ? 'sso_requirement.added' : 'sso_requirement.removed',
        entityType: 'person',
        entityId: personId,
        detail: { allianceId },
      });
      return this.view(manager, allianceId);
    });
  }

  private async view(manager: EntityManager, allianceId: string): Promise<SsoSettingsView> {
    const [alliance] = (await manager.query(`SELECT id, name FROM organisation WHERE id = $1 AND kind = 'alliance'`, [
      allianceId,
    ])) as { id: string; name: string }[];
    if (!alliance) throw new NotFoundException('There is no Alliance with this id');
    const provider = await manager.getRepository(SsoProvider).findOneBy({ allianceId });
    const people = (await manager.query(
      `SELECT p.id, p.full_name, p.email FROM sso_required_person r JOIN person p ON p.id = r.person_id
        WHERE r.alliance_id = $1 ORDER BY p.full_name, p.id`,
      [allianceId],
    )) as { id: string; full_name: string; email: string }[];
    return {
      allianceId,
      allianceName: alliance.name,
      provider: provider ? fieldsOf(provider) : null,
      version: provider?.version ?? 0,
      redirectUri: this.oidc.redirectUri,
      postLogoutRedirectUri: this.oidc.postLogoutRedirectUri,
      secretVariable: provider && !provider.clientSecretFile ? ssoSecretVariable(provider.slug) : null,
      secretFound: provider ? this.oidc.secretOf(provider) !== undefined : false,
      requiredPeople: people.map((p) => ({ personId: p.id, fullName: p.full_name, email: p.email })),
    };
  }
}
