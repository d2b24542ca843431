/** The single sign-on form's pure parts: its values, what it checks before sending, and the request it sends. */
import type { SaveSsoProviderRequest, SsoSettingsView } from '@ccc/contracts';
import type { Errors } from '../../admin';

export interface SsoValues {
  label: string;
  slug: string;
  issuer: string;
  clientId: string;
  clientSecretFile: string;
  scopes: string;
  acrValues: string;
  emailClaim: string;
  subjectClaim: string;
  requireVerifiedEmail: boolean;
  enabled: boolean;
  ssoRequired: boolean;
}

export const ssoFieldIds = {
  label: 'sso-label',
  slug: 'sso-slug',
  issuer: 'sso-issuer',
  clientId: 'sso-client-id',
  clientSecretFile: 'sso-client-secret-file',
  scopes: 'sso-scopes',
  acrValues: 'sso-acr-values',
  emailClaim: 'sso-email-claim',
  subjectClaim: 'sso-subject-claim',
} as const;
export type SsoField = keyof typeof ssoFieldIds;

const SLUG = /^[a-z0-9][a-z0-9-]{1,39}$/;
const CLAIM = /^[A-Za-z0-9_.:-]{1,100}$/;

export function ssoValues(view: SsoSettingsView): SsoValues {
  const p = view.provider;
  return {
    label: p?.label ?? 'Sign in with NHSmail',
    slug: p?.slug ?? '',
    issuer: p?.issuer ?? '',
    clientId: p?.clientId ?? '',
    clientSecretFile: p?.clientSecretFile ?? '',
    scopes: p?.scopes ?? 'openid email profile',
    acrValues: p?.acrValues ?? '',
    emailClaim: p?.emailClaim ?? 'email',
    subjectClaim: p?.subjectClaim ?? 'sub',
    requireVerifiedEmail: p?.requireVerifiedEmail ?? true,
    enabled: p?.enabled ?? true,
    ssoRequired: p?.ssoRequired ?? false,
  };
}

function isIssuer(value: string): boolean {
  try {
    const url = new URL(value);
    if (url.protocol === 'https:') return true;
    return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  } catch {
    return false;
  }
}

export function validateSso(values: SsoValues): Errors<SsoField> {
  const errors: Errors<SsoField> = {};
  if (!values.label.trim()) errors.label = 'Enter the words of the sign-in button, like Sign in with NHSmail';
  else if (values.label.trim().length > 80) errors.label = 'The button text must be 80 characters or fewer';
  if (!SLUG.test(values.slug.trim()))
    errors.slug = 'Enter a short name of 2 to 40 lower-case letters, digits or hyphens, like wessex';
  if (!values.issuer.trim()) errors.issuer = 'Enter the issuer address your identity provider gives';
  else if (!isIssuer(values.issuer.trim()))
    errors.issuer = 'The issuer must be an https:// address, like https://login.microsoftonline.com/<tenant-id>/v2.0';
  if (!values.clientId.trim()) errors.clientId = 'Enter the client ID your identity provider gave this service';
  const file = values.clientSecretFile.trim();
  if (file && !file.startsWith('/'))
    errors.clientSecretFile = 'The secret file must be an absolute path, like /run/secrets/oidc';
  if (!/(^| )openid( |$)/.test(values.scopes.trim())) errors.scopes = 'The scopes must include openid';
  if (!CLAIM.test(values.emailClaim.trim())) errors.emailClaim = 'Enter the name of the claim with the email address';
  if (!CLAIM.test(values.subjectClaim.trim()))
    errors.subjectClaim = 'Enter the name of the claim that identifies the person';
  return errors;
}

export function toSsoRequest(values: SsoValues, version: number): SaveSsoProviderRequest {
  return {
    label: values.label.trim(),
    slug: values.slug.trim(),
    issuer: values.issuer.trim(),
    clientId: values.clientId.trim(),
    clientSecretFile: values.clientSecretFile.trim() || null,
    scopes: values.scopes.trim().replace(/\s+/g, ' '),
    acrValues: values.acrValues.trim() || null,
    emailClaim: values.emailClaim.trim(),
    subjectClaim: values.subjectClaim.trim(),
    requireVerifiedEmail: values.requireVerifiedEmail,
    enabled: values.enabled,
    ssoRequired: values.ssoRequired,
    version,
  };
}

export function ssoFieldFor(field: string): SsoField | null {
  return field in ssoFieldIds ? (field as SsoField) : null;
}
