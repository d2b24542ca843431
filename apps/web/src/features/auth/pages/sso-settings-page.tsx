import type { SsoSettingsView } from '@ccc/contracts';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Button } from '../../../components/button';
import { Confirmation } from '../../../components/confirmation';
import { describeError } from '../../../components/error-message';
import { ErrorSummary } from '../../../components/error-summary';
import { FormField, fieldClass } from '../../../components/form-field';
import { PageHeading } from '../../../components/page-heading';
import { StaleVersionNotice } from '../../../components/stale-version-notice';
import { SummaryList, SummaryRow } from '../../../components/summary-list';
import { QueryPage } from '../../admin';
import { useAdminForm } from '../../admin';
import { usePeopleForSso, useSaveSsoProvider, useSetSsoRequired, useSsoSettings } from '../api/sso-settings';
import { ssoFieldFor, ssoFieldIds, ssoValues, toSsoRequest, validateSso, type SsoValues } from '../utils/sso-form';

type TextField = Exclude<keyof SsoValues, 'requireVerifiedEmail' | 'enabled' | 'ssoRequired'>;

function Checkbox({
  id,
  checked,
  onChange,
  children,
  hint,
}: {
  id: string;
  checked: boolean;
  onChange: (value: boolean) => void;
  children: ReactNode;
  hint?: string;
}) {
  return (
    <div className="nhsuk-checkboxes__item">
      <input
        className="nhsuk-checkboxes__input"
        id={id}
        type="checkbox"
        checked={checked}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={id}>
        {children}
      </label>
      {hint && (
        <div className="nhsuk-hint nhsuk-checkboxes__hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
    </div>
  );
}

function ProviderForm({
  view,
  onSaved,
  onReload,
}: {
  view: SsoSettingsView;
  onSaved: () => void;
  onReload: () => void;
}) {
  const form = useAdminForm(ssoValues(view), validateSso, ssoFieldIds, ssoFieldFor);
  const save = useSaveSsoProvider();
  const { values, update, errors } = form;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending || !form.check()) return;
    save.mutate(toSsoRequest(values, view.version), { onSuccess: onSaved, onError: form.fail });
  }

  const text = (field: TextField, label: string, hint?: ReactNode, width = '') => (
    <FormField id={ssoFieldIds[field]} label={label} hint={hint} error={errors[field]}>
      {(control) => (
        <input
          {...control}
          className={fieldClass(`nhsuk-input ${width}`.trim(), control)}
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={values[field]}
          onChange={(event) => update(field, event.target.value)}
        />
      )}
    </FormField>
  );

  return (
    <>
      {form.stale !== null && <StaleVersionNotice what="settings" message={form.stale} onReload={onReload} />}
      <form onSubmit={handleSubmit} noValidate>
        <ErrorSummary id="sso-errors" errors={form.summary} focusKey={form.attempt} />
        {text('label', 'Words on the sign-in button', 'For example, Sign in with NHSmail')}
        {text(
          'slug',
          'Short name',
          'Lower-case letters, digits and hyphens. It names the environment variable holding the client secret.',
          'nhsuk-input--width-20',
        )}
        {text(
          'issuer',
          'Issuer',
          'NHSmail (Microsoft Entra ID): https://login.microsoftonline.com/<tenant ID>/v2.0. NHS CIS2: the issuer NHS England gave you.',
        )}
        {text('clientId', 'Client ID', 'The application (client) ID the identity provider gave this service')}
        {text(
          'clientSecretFile',
          'File holding the client secret (optional)',
          view.provider && !view.provider.clientSecretFile && view.secretVariable
            ? `Leave blank to read it from the environment variable ${view.secretVariable}. The secret itself is never entered here.`
            : 'Leave blank to read it from the environment variable OIDC_<SHORT NAME>_CLIENT_SECRET. The secret itself is never entered here.',
        )}
        {text('scopes', 'Scopes', 'Separated by spaces; openid is required', 'nhsuk-input--width-20')}
        {text(
          'acrValues',
          'Authentication assurance (acr_values, optional)',
          'NHS CIS2 asks for one, for example AAL2_OR_AAL3_ANY',
        )}
        {text('emailClaim', 'Claim holding the email address', 'Usually email', 'nhsuk-input--width-20')}
        {text('subjectClaim', 'Claim identifying the person', 'Usually sub', 'nhsuk-input--width-20')}
        <fieldset className="nhsuk-fieldset">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Options</legend>
          <div className="nhsuk-checkboxes">
            <Checkbox id="sso-enabled" checked={values.enabled} onChange={(v) => update('enabled', v)}>
              Show the button on the sign-in page
            </Checkbox>
            <Checkbox
              id="sso-require-verified"
              checked={values.requireVerifiedEmail}
              onChange={(v) => update('requireVerifiedEmail', v)}
              hint="Accept an email address only when the provider says it is verified (email_verified)"
            >
              Require a verified email address
            </Checkbox>
            <Checkbox
              id="sso-required"
              checked={values.ssoRequired}
              onChange={(v) => update('ssoRequired', v)}
              hint="Everyone in the Alliance must use the button: password sign-in is refused to them"
            >
              Require single sign-on for everyone
            </Checkbox>
          </div>
        </fieldset>
        <Button type="submit" pending={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save sign-in settings'}
        </Button>
      </form>
    </>
  );
}

/** Whom the administrator requires to use single sign-on even when the whole Alliance need not. */
function RequiredPeople({ view }: { view: SsoSettingsView }) {
  const people = usePeopleForSso();
  const set = useSetSsoRequired();
  const [personId, setPersonId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const required = new Set(view.requiredPeople.map((p) => p.personId));
  const choices = (people.data ?? []).filter((p) => !required.has(p.id) && !p.deactivatedAt);

  function change(id: string, value: boolean) {
    setError(null);
    set.mutate(
      { personId: id, required: value },
      { onSuccess: () => setPersonId(''), onError: (e) => setError(describeError(e)) },
    );
  }

  return (
    <>
      <h2 className="nhsuk-heading-m">People who must use single sign-on</h2>
      {error && <ErrorSummary id="sso-people-errors" errors={[{ message: error }]} focusKey={1} />}
      {view.requiredPeople.length === 0 ? (
        <p>Nobody in particular.</p>
      ) : (
        <ul className="nhsuk-list">
          {view.requiredPeople.map((p) => (
            <li key={p.personId}>
              {p.fullName} ({p.email}){' '}
              <Button
                type="button"
                variant="secondary"
                small
                onClick={() => change(p.personId, false)}
                pending={set.isPending}
              >
                Stop requiring it<span className="nhsuk-u-visually-hidden"> of {p.fullName}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (personId) change(personId, true);
        }}
        noValidate
      >
        <FormField id="sso-person" label="Require it of">
          {(control) => (
            <select
              {...control}
              className={fieldClass('nhsuk-select', control)}
              value={personId}
              onChange={(event) => setPersonId(event.target.value)}
            >
              <option value="">Choose a person</option>
              {choices.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.fullName} ({p.email})
                </option>
              ))}
            </select>
          )}
        </FormField>
        <Button type="submit" variant="secondary" pending={set.isPending}>
          Require single sign-on
        </Button>
      </form>
    </>
  );
}

/**
 * An administrator connects their Alliance to the NHS identity provider its people already use (NHSmail's
 * Microsoft Entra ID, or NHS CIS2), and chooses who must sign in with it.
 */
export function SsoSettingsPage() {
  const settings = useSsoSettings();
  const [saved, setSaved] = useState<number | null>(null);
  const [reloads, setReloads] = useState(0);

  return (
    <QueryPage title="Single sign-on" what="the Alliance's sign-in settings" query={settings}>
      {() => {
        const view = settings.data!;
        return (
          <>
            {saved !== null && (
              <Confirmation key={saved} title="The sign-in settings were saved">
                <p>People of {view.allianceName} now see the button on the sign-in page when it is shown.</p>
              </Confirmation>
            )}
            <PageHeading caption={`Programme administration, ${view.allianceName}`}>Single sign-on</PageHeading>
            <p>
              Let people sign in with the NHS account they already have. Register this service with your identity
              provider using these addresses:
            </p>
            <SummaryList>
              <SummaryRow label="Redirect URI">
                <code>{view.redirectUri}</code>
              </SummaryRow>
              <SummaryRow label="Post-logout redirect URI">
                <code>{view.postLogoutRedirectUri}</code>
              </SummaryRow>
              <SummaryRow label="Client secret">
                {view.provider === null
                  ? 'Not set up yet'
                  : view.secretFound
                    ? 'Found'
                    : `Not found: set ${view.secretVariable ?? 'the secret file'} where the service runs, or leave it unset for a public client`}
              </SummaryRow>
            </SummaryList>
            <ProviderForm
              key={`${view.version}:${reloads}`}
              view={view}
              onSaved={() => setSaved((n) => (n ?? 0) + 1)}
              onReload={() => {
                setSaved(null);
                void settings.refetch().then(() => setReloads((n) => n + 1));
              }}
            />
            {view.provider && <RequiredPeople view={view} />}
          </>
        );
      }}
    </QueryPage>
  );
}
