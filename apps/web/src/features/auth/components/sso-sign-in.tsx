import type { SsoProviderRef } from '@ccc/contracts';
import { ssoStartUrl } from '../api/sign-in-requests';

/**
 * "Sign in with NHSmail": one button per Alliance with a provider, above the password form (which stays as the
 * fallback). Links, not forms: the API sends the browser on to the provider. Nothing shows while loading or on error.
 */
export function SsoSignIn({ providers }: { providers: readonly SsoProviderRef[] | undefined }) {
  const list = providers ?? [];
  if (list.length === 0) return null;
  const several = new Set(list.map((p) => p.label)).size < list.length;
  return (
    <div className="nhsuk-u-margin-bottom-6">
      <h2 className="nhsuk-heading-m">Sign in with your NHS account</h2>
      <ul className="nhsuk-list">
        {list.map((provider) => (
          <li key={provider.slug}>
            <a className="nhsuk-button nhsuk-button--secondary" href={ssoStartUrl(provider.slug)} draggable={false}>
              {provider.label}
              {several && ` (${provider.allianceName})`}
            </a>
          </li>
        ))}
      </ul>
      <h2 className="nhsuk-heading-m">Or sign in with your email address and password</h2>
    </div>
  );
}
