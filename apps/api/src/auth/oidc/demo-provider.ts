import type { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { SsoProvider } from './sso-provider.entity';

/** The demo Alliance's provider: the local OpenID provider `npm start` runs (scripts/lib/oidc-provider.mjs). */
export const DEMO_SSO = {
  slug: 'wessex',
  label: 'Sign in with NHSmail',
  allianceName: 'Wessex Cancer Alliance (demo)',
};

/**
 * Points the demo Alliance at the local provider when `DEMO_OIDC_ISSUER` and `DEMO_OIDC_CLIENT_ID` are given (by
 * `npm start` and the browser tests; its secret comes in OIDC_WESSEX_CLIENT_SECRET). Run at every start, since the
 * local provider's address may change; does nothing without the demo Alliance or the variables. Audited.
 */
export async function configureDemoProvider(
  db: DataSource,
  audit: AuditService,
  env: NodeJS.ProcessEnv = process.env,
): Promise<boolean> {
  const issuer = env.DEMO_OIDC_ISSUER?.trim();
  const clientId = env.DEMO_OIDC_CLIENT_ID?.trim();
  if (!issuer || !clientId) return false;
  const [alliance] = (await db.query(`SELECT id FROM organisation WHERE kind = 'alliance' AND name = $1`, [
    DEMO_SSO.allianceName,
  ])) as { id: string }[];
  if (!alliance) return false;
  await db.transaction(async (manager) => {
    const repo = manager.getRepository(SsoProvider);
    const current = await repo.findOneBy({ allianceId: alliance.id });
    if (current?.issuer === issuer && current.clientId === clientId) return;
    if (current) await repo.save(Object.assign(current, { issuer, clientId, clientSecretFile: null, enabled: true }));
    else
      await repo.insert({
        allianceId: alliance.id,
        slug: DEMO_SSO.slug,
        label: DEMO_SSO.label,
        issuer,
        clientId,
        // The local provider marks every demo e-mail verified.
        requireVerifiedEmail: true,
      });
    await audit.record(manager, {
      actorId: null,
      action: current ? 'sso_provider.updated' : 'sso_provider.created',
      entityType: 'sso_provider',
      entityId: alliance.id,
      detail: { demo: true, issuer, clientId },
    });
  });
  return true;
}
