import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Versioned } from '../../common/versioned.entity';
import { Organisation } from '../../organisations/organisation.entity';

/**
 * An Alliance's OpenID Connect provider (NHSmail's Entra ID, NHS CIS2, or the local demo provider). The client
 * secret is never stored here: it is read from the environment (`OIDC_<SLUG>_CLIENT_SECRET`) or from the file
 * `clientSecretFile` names, so a copy of the database signs nobody in anywhere.
 */
@Entity('sso_provider')
@Check('sso_provider_slug_check', `slug ~ '^[a-z0-9][a-z0-9-]{1,39}$'`)
export class SsoProvider extends Versioned {
  @PrimaryColumn({ name: 'alliance_id', type: 'uuid' })
  allianceId!: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'alliance_id' })
  alliance?: Organisation;

  /** In the sign-in address (/api/auth/oidc/<slug>/start) and the secret's variable name. */
  @Index({ unique: true })
  @Column({ type: 'text' })
  slug!: string;

  /** The button's words, e.g. "Sign in with NHSmail". */
  @Column({ type: 'text' })
  label!: string;

  @Column({ type: 'text' })
  issuer!: string;

  @Column({ name: 'client_id', type: 'text' })
  clientId!: string;

  /** A file holding the client secret (a mounted secret); null: the environment variable, or a public client. */
  @Column({ name: 'client_secret_file', type: 'text', nullable: true })
  clientSecretFile!: string | null;

  @Column({ type: 'text', default: 'openid email profile' })
  scopes!: string;

  /** Sent as acr_values (CIS2 asks for an authentication assurance level); null sends none. */
  @Column({ name: 'acr_values', type: 'text', nullable: true })
  acrValues!: string | null;

  /** The claim holding the e-mail address (Entra ID may put it in `preferred_username`). */
  @Column({ name: 'email_claim', type: 'text', default: 'email' })
  emailClaim!: string;

  /** The claim that names the person at the provider for good, linked on first sign-in. */
  @Column({ name: 'subject_claim', type: 'text', default: 'sub' })
  subjectClaim!: string;

  /** Accept the e-mail claim only with `email_verified: true`. */
  @Column({ name: 'require_verified_email', type: 'boolean', default: true })
  requireVerifiedEmail!: boolean;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  /** Everyone of the Alliance must sign in with the provider: password sign-in is refused to them. */
  @Column({ name: 'sso_required', type: 'boolean', default: false })
  ssoRequired!: boolean;
}
