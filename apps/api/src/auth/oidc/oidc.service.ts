import { readFileSync } from 'node:fs';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { type SsoProviderRef, ssoSecretVariable } from '@ccc/contracts';
import * as client from 'openid-client';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { Commands } from '../../common/command';
import { API_CONFIG, type ApiConfig } from '../../config';
import { AuthSession } from '../auth-session.entity';
import { AuthService, type IssuedTokens } from '../auth.service';
import { SsoRefused, refusalOf } from './oidc-errors';
import { SsoIdentity } from './sso-identity.entity';
import { SsoProvider } from './sso-provider.entity';

/** How long a started sign-in may take at the provider before its state, nonce and PKCE verifier lapse. */
export const FLOW_SECONDS = 10 * 60;
/** Discovery documents are read again after this long (or at once when the configuration changes). */
const DISCOVERY_SECONDS = 10 * 60;
/** A provider that does not answer within this long is "unavailable", not a hung sign-in page. */
const PROVIDER_TIMEOUT_SECONDS = 10;
const FLOW_PURPOSE = 'oidc-flow';

/** What the flow cookie carries between the start and the callback (signed; httpOnly; 10 minutes). */
interface FlowClaims {
  purpose: typeof FLOW_PURPOSE;
  /** The Alliance whose provider was asked. */
  a: string;
  state: string;
  nonce: string;
  verifier: string;
}

/** Plain HTTP is accepted only for a provider on this machine (the local demo and test provider). */
export function isLoopbackHttp(issuer: string): boolean {
  try {
    const url = new URL(issuer);
    return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  } catch {
    return false;
  }
}

/**
 * Single sign-on by OpenID Connect with openid-client: the authorisation code flow with PKCE, state and nonce, the
 * ID token checked by the library (signature, issuer, audience, expiry, nonce). The person is matched to someone
 * who already holds a role in the Alliance; nobody is created. The session opened is the password sign-in's.
 */
@Injectable()
export class OidcService {
  private readonly logger = new Logger('OidcService');
  private readonly discovered = new Map<string, { config: client.Configuration; until: number }>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly jwt: JwtService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly commands: Commands,
  ) {}

  get redirectUri(): string {
    return `${this.config.publicUrl}/api/auth/oidc/callback`;
  }

  get postLogoutRedirectUri(): string {
    return `${this.config.publicUrl}/sign-in`;
  }

  /** The sign-in page's buttons: every enabled provider. */
  async providers(): Promise<SsoProviderRef[]> {
    const rows: { slug: string; label: string; alliance_name: string }[] = await this.db.query(
      `SELECT p.slug, p.label, o.name AS alliance_name FROM sso_provider p JOIN organisation o ON o.id = p.alliance_id
        WHERE p.enabled ORDER BY o.name, p.slug`,
    );
    return rows.map((r) => ({ slug: r.slug, label: r.label, allianceName: r.alliance_name }));
  }

  /** The provider's authorisation address, and the signed flow token the controller keeps in a cookie. */
  async start(slug: string): Promise<{ url: string; flow: string }> {
    const provider = await this.db.getRepository(SsoProvider).findOneBy({ slug, enabled: true });
    if (!provider) throw new SsoRefused('unknown_provider', `no enabled provider "${slug}"`);
    try {
      const config = await this.discover(provider);
      const verifier = client.randomPKCECodeVerifier();
      const claims: FlowClaims = {
        purpose: FLOW_PURPOSE,
        a: provider.allianceId,
        state: client.randomState(),
        nonce: client.randomNonce(),
        verifier,
      };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: this.redirectUri,
        scope: provider.scopes,
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state: claims.state,
        nonce: claims.nonce,
        ...(provider.acrValues ? { acr_values: provider.acrValues } : {}),
      });
      const flow = await this.jwt.signAsync({ ...claims }, { expiresIn: FLOW_SECONDS });
      return { url: url.href, flow };
    } catch (error) {
      throw withAlliance(refusalOf(error), provider.allianceId);
    }
  }

  /**
   * The provider's redirect back: checks the flow cookie and the state, exchanges the code (PKCE), has the ID token
   * checked, matches the person and opens their session. Throws SsoRefused for every way it can fail.
   */
  async callback(query: Record<string, unknown>, flowToken: string | undefined): Promise<IssuedTokens> {
    const flow = flowToken ? await this.jwt.verifyAsync<Partial<FlowClaims>>(flowToken).catch(() => null) : null;
    if (!flow || flow.purpose !== FLOW_PURPOSE || !flow.a || !flow.state || !flow.nonce || !flow.verifier)
      throw new SsoRefused('flow_expired', 'no valid flow cookie: the sign-in took too long or was not started here');
    const allianceId = flow.a;
    const provider = await this.db.getRepository(SsoProvider).findOneBy({ allianceId, enabled: true });
    if (!provider) throw withAlliance(new SsoRefused('unknown_provider', 'the provider was removed'), allianceId);
    if (typeof query.error === 'string')
      throw withAlliance(
        new SsoRefused('provider_refused', `${query.error}: ${String(query.error_description ?? '')}`),
        allianceId,
      );
    if (typeof query.state !== 'string' || query.state !== flow.state)
      throw withAlliance(new SsoRefused('state_mismatch', 'the state does not match the one sent'), allianceId);
    try {
      const config = await this.discover(provider);
      const current = new URL(this.redirectUri);
      for (const [key, value] of Object.entries(query))
        if (typeof value === 'string') current.searchParams.set(key, value);
      const tokens = await client.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims) throw new SsoRefused('token_invalid', 'no ID token');
      let claims: Record<string, unknown> = { ...idClaims };
      // Providers that follow the specification closely keep the e-mail for the userinfo endpoint.
      if (claims[provider.emailClaim] === undefined || claims[provider.subjectClaim] === undefined)
        claims = { ...(await client.fetchUserInfo(config, tokens.access_token, idClaims.sub)), ...claims };
      const personId = await this.match(provider, claims);
      return await this.auth.openSession(personId, { allianceId, idToken: tokens.id_token ?? null });
    } catch (error) {
      throw withAlliance(refusalOf(error), allianceId);
    }
  }

  /** Audits a refusal (rate-limited per caller, as failed password sign-ins are). */
  async refused(refusal: SsoRefused, address: string): Promise<void> {
    this.logger.warn(`Single sign-on refused: ${refusal.message}`);
    await this.audit.ssoRefused({
      allianceId: refusal.allianceId,
      personId: refusal.personId,
      reason: refusal.code,
      address,
    });
  }

  /**
   * Where the browser goes to end the provider's session as well (RP-initiated logout), for a session opened by
   * single sign-on; null otherwise, or when the provider cannot be reached or has no end-session endpoint.
   */
  async endSessionUrl(sessionId: string | null): Promise<string | null> {
    if (!sessionId) return null;
    const session = await this.db
      .getRepository(AuthSession)
      .createQueryBuilder('s')
      .addSelect('s.ssoIdToken')
      .where('s.id = :sessionId', { sessionId })
      .getOne();
    if (!session?.ssoAllianceId) return null;
    const provider = await this.db.getRepository(SsoProvider).findOneBy({ allianceId: session.ssoAllianceId });
    if (!provider) return null;
    try {
      const config = await this.discover(provider);
      return client.buildEndSessionUrl(config, {
        post_logout_redirect_uri: this.postLogoutRedirectUri,
        // Handed back on the redirect: the sign-in page then says the person has signed out.
        state: 'signed_out',
        ...(session.ssoIdToken ? { id_token_hint: session.ssoIdToken } : {}),
      }).href;
    } catch (error) {
      this.logger.warn(`No end-session address for ${provider.slug}: ${String(error)}`);
      return null;
    }
  }

  /** Whether the client secret is found (never what it is). */
  secretOf(provider: Pick<SsoProvider, 'slug' | 'clientSecretFile'>): string | undefined {
    if (provider.clientSecretFile) {
      try {
        return readFileSync(provider.clientSecretFile, 'utf8').trim() || undefined;
      } catch {
        return undefined;
      }
    }
    return process.env[ssoSecretVariable(provider.slug)]?.trim() || undefined;
  }

  /**
   * The linked account, else the person with this verified e-mail who holds a role in the Alliance (linked now).
   */
  private async match(provider: SsoProvider, claims: Record<string, unknown>): Promise<string> {
    const subject = claims[provider.subjectClaim];
    if (typeof subject !== 'string' || subject === '')
      throw new SsoRefused('claims_missing', `no "${provider.subjectClaim}" claim`);
    const member = `EXISTS (SELECT 1 FROM role_assignment ra JOIN organisation o ON o.id = ra.organisation_id
                     WHERE ra.person_id = p.id AND o.alliance_id = $1)`;
    const { personId } = await this.commands.run({
      load: async () => null,
      apply: async ({ manager }): Promise<{ personId: string; identityId?: string }> => {
        const [linked] = (await manager.query(
          `SELECT p.id, p.deactivated_at, ${member} AS member FROM sso_identity i JOIN person p ON p.id = i.person_id
          WHERE i.alliance_id = $1 AND i.subject = $2`,
          [provider.allianceId, subject],
        )) as { id: string; deactivated_at: Date | null; member: boolean }[];
        if (linked) {
          if (!linked.member || linked.deactivated_at)
            throw new SsoRefused('not_invited', 'the linked person holds no role in the Alliance now', linked.id);
          return { personId: linked.id };
        }
        const email = claims[provider.emailClaim];
        if (typeof email !== 'string' || !email.includes('@'))
          throw new SsoRefused('claims_missing', `no e-mail in the "${provider.emailClaim}" claim`);
        if (provider.requireVerifiedEmail && claims.email_verified !== true)
          throw new SsoRefused('email_unverified', 'email_verified is not true');
        const [person] = (await manager.query(
          `SELECT p.id, (SELECT i.subject FROM sso_identity i WHERE i.alliance_id = $1 AND i.person_id = p.id) AS linked
           FROM person p WHERE lower(p.email) = lower($2) AND p.deactivated_at IS NULL AND ${member}`,
          [provider.allianceId, email.trim()],
        )) as { id: string; linked: string | null }[];
        if (!person) throw new SsoRefused('not_invited', 'no person of the Alliance has this e-mail');
        if (person.linked)
          throw new SsoRefused(
            'identity_conflict',
            'the person is linked to another account of the provider',
            person.id,
          );
        const identity = await manager.save(
          manager.create(SsoIdentity, { allianceId: provider.allianceId, personId: person.id, subject }),
        );
        return { personId: person.id, identityId: identity.id };
      },
      // Linked now: the person's account and the provider's are one from here on.
      audit: (_none, { personId, identityId }) =>
        identityId
          ? {
              actorId: personId,
              action: 'sso_identity.linked',
              entityType: 'sso_identity',
              entityId: identityId,
              detail: { allianceId: provider.allianceId, issuer: provider.issuer },
            }
          : null,
    });
    return personId;
  }

  private async discover(provider: SsoProvider): Promise<client.Configuration> {
    const secret = this.secretOf(provider);
    const key = JSON.stringify([provider.issuer, provider.clientId, provider.version, Boolean(secret)]);
    const known = this.discovered.get(key);
    if (known && known.until > performance.now()) return known.config;
    const config = await client.discovery(
      new URL(provider.issuer),
      provider.clientId,
      secret ? { client_secret: secret } : undefined,
      secret ? client.ClientSecretPost(secret) : client.None(),
      {
        timeout: PROVIDER_TIMEOUT_SECONDS,
        ...(isLoopbackHttp(provider.issuer) ? { execute: [client.allowInsecureRequests] } : {}),
      },
    );
    config.timeout = PROVIDER_TIMEOUT_SECONDS;
    this.discovered.set(key, { config, until: performance.now() + DISCOVERY_SECONDS * 1000 });
    return config;
  }
}

/** The Alliance whose provider refused, for the audit entry (kept if an inner step already named it). */
function withAlliance(refusal: SsoRefused, allianceId: string): SsoRefused {
  refusal.allianceId ??= allianceId;
  return refusal;
}
