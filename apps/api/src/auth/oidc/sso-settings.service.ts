import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type SsoProviderFields, type SsoSettingsView, ssoSecretVariable } from '@ccc/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService } from '../../access/access.service';
import { type AuditRecord } from '../../audit/audit.service';
import { Commands } from '../../common/command';
import { Conflict, Invalid, NotFound } from '../../common/domain-errors';
import type { AuthUser } from '../../common/auth-user';
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

/** Names the record in the stale-version message ("This Alliance's sign-in configuration was changed…"). */
const WHAT = "Alliance's sign-in configuration";

/** The short name is another Alliance's: a 409 that names the field, as a 400 would. */
class SlugTaken extends Conflict {
  readonly errors = [{ field: 'slug', reason: 'slug is used by another Alliance: choose another' }];

  constructor() {
    super('Another Alliance uses this short name');
  }
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
    private readonly commands: Commands,
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
    if (problem) throw new Invalid([{ field: 'issuer', reason: problem }]);
    return this.commands
      .run({
        load: ({ manager }) =>
          manager.getRepository(SsoProvider).findOne({ where: { allianceId }, lock: { mode: 'pessimistic_write' } }),
        version: { read: dto.version, of: (current) => ({ version: current?.version ?? 0 }), what: WHAT },
        apply: async ({ manager }, current) => {
          const repo = manager.getRepository(SsoProvider);
          const taken = await repo.findOneBy({ slug: dto.slug });
          if (taken && taken.allianceId !== allianceId) throw new SlugTaken();
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
          if (changed.length === 0) return { view: await this.view(manager, allianceId), entry: null };
          if (current) await repo.save(Object.assign(current, after));
          else await repo.insert({ allianceId, ...after });
          const entry: AuditRecord = {
            actorId: user.id,
            action: current ? 'sso_provider.updated' : 'sso_provider.created',
            entityType: 'sso_provider',
            entityId: allianceId,
            detail: {
              changed,
              before: before ? Object.fromEntries(changed.map((f) => [f, before[f]])) : null,
              after: Object.fromEntries(changed.map((f) => [f, after[f]])),
            },
          };
          return { view: await this.view(manager, allianceId), entry };
        },
        audit: (_, { entry }) => entry,
      })
      .then(({ view }) => view);
  }

  /** Requires (or no longer requires) single sign-on of one person of the Alliance; 404 for anyone else. */
  async setRequired(user: AuthUser, personId: string, required: boolean): Promise<SsoSettingsView> {
    const allianceId = this.access.actingAlliance(user);
    const { view } = await this.commands.run({
      load: async ({ manager }) => {
        const [member] = (await manager.query(
          `SELECT 1 FROM role_assignment ra JOIN organisation o ON o.id = ra.organisation_id
            WHERE ra.person_id = $1 AND o.alliance_id = $2 LIMIT 1`,
          [personId, allianceId],
        )) as unknown[];
        if (!member) throw new NotFound('There is nobody with this id in your Alliance');
      },
      apply: async ({ manager }) => {
        const repo = manager.getRepository(SsoRequiredPerson);
        const had = await repo.existsBy({ allianceId, personId });
        if (had === required) return { view: await this.view(manager, allianceId), changed: false };
        if (required) await repo.insert({ allianceId, personId, requiredById: user.id });
        else await repo.delete({ allianceId, personId });
        return { view: await this.view(manager, allianceId), changed: true };
      },
      audit: (_, { changed }) =>
        changed
          ? {
              actorId: user.id,
              action: required ? 'sso_requirement.added' : 'sso_requirement.removed',
              entityType: 'person',
              entityId: personId,
              detail: { allianceId },
            }
          : null,
    });
    return view;
  }

  private async view(manager: EntityManager, allianceId: string): Promise<SsoSettingsView> {
    const [alliance] = (await manager.query(`SELECT id, name FROM organisation WHERE id = $1 AND kind = 'alliance'`, [
      allianceId,
    ])) as { id: string; name: string }[];
    if (!alliance) throw new NotFound('There is no Alliance with this id');
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
