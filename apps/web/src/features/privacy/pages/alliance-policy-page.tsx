import { MAX_RETENTION_YEARS, MIN_RETENTION_YEARS } from '@ccc/programme';
import type { AlliancePolicyView } from '@ccc/contracts';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../components/button';
import { Confirmation } from '../../../components/confirmation';
import { ErrorSummary } from '../../../components/error-summary';
import { TextInput, Textarea } from '../../../components/inputs';
import { PageHeading } from '../../../components/page-heading';
import { StaleVersionNotice } from '../../../components/stale-version-notice';
import { formatDateTime } from '../../../utils/format';
import { QueryPage } from '../../admin';
import { useAdminForm } from '../../admin';
import { useAlliancePolicy } from '../api/get-alliance-policy';
import { useUpdateAlliancePolicy } from '../api/update-alliance-policy';
import { policyFieldFor, policyFieldIds, policyValues, toPolicyRequest, validatePolicy } from '../utils/policy-form';

interface PolicyFormProps {
  view: AlliancePolicyView;
  onSaved: (view: AlliancePolicyView) => void;
  onReload: () => void;
}

function PolicyForm({ view, onSaved, onReload }: PolicyFormProps) {
  const form = useAdminForm(policyValues(view), validatePolicy, policyFieldIds, policyFieldFor);
  const save = useUpdateAlliancePolicy();
  const { values, update, errors } = form;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending || !form.check()) return;
    save.mutate(toPolicyRequest(values, view.version), { onSuccess: onSaved, onError: form.fail });
  }

  return (
    <>
      {form.stale !== null && <StaleVersionNotice what="policy" message={form.stale} onReload={onReload} />}
      <form onSubmit={handleSubmit} noValidate>
        <ErrorSummary id="policy-errors" errors={form.summary} focusKey={form.attempt} />
        <TextInput
          id={policyFieldIds.retentionYears}
          label="Years records are kept after an enrolment ends"
          hint={`A whole number from ${MIN_RETENTION_YEARS} to ${MAX_RETENTION_YEARS}. After this, the personal data of a completed or withdrawn enrolment is erased; anonymised totals stay.`}
          error={errors.retentionYears}
          width={2}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          value={values.retentionYears}
          onChange={(value) => update('retentionYears', value)}
        />
        <TextInput
          id={policyFieldIds.controllerName}
          label="Data controller (optional)"
          hint={`The organisation responsible for the data, often the Alliance's host trust. Left blank, the notice names ${view.allianceName}.`}
          error={errors.controllerName}
          type="text"
          autoComplete="organization"
          value={values.controllerName}
          onChange={(value) => update('controllerName', value)}
        />
        <TextInput
          id={policyFieldIds.contactEmail}
          label="Contact email address (optional)"
          hint="Where people write to use their rights, for example your data protection officer"
          error={errors.contactEmail}
          type="email"
          autoComplete="off"
          spellCheck={false}
          value={values.contactEmail}
          onChange={(value) => update('contactEmail', value)}
        />
        <Textarea
          id={policyFieldIds.contactAddress}
          label="Postal address (optional)"
          error={errors.contactAddress}
          rows={4}
          value={values.contactAddress}
          onChange={(value) => update('contactAddress', value)}
        />
        <Textarea
          id={policyFieldIds.noticeText}
          label="Extra text for the notice (optional)"
          hint="Plain text, shown at the end of the notice. Leave a blank line between paragraphs."
          error={errors.noticeText}
          rows={8}
          value={values.noticeText}
          onChange={(value) => update('noticeText', value)}
        />
        <Button type="submit" pending={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save policy'}
        </Button>
      </form>
    </>
  );
}

/** An administrator sets their Alliance's retention period and the contact details the privacy notice gives. */
export function AlliancePolicyPage() {
  const policy = useAlliancePolicy();
  const [saved, setSaved] = useState<{ key: number } | null>(null);
  const [reloads, setReloads] = useState(0);

  return (
    <QueryPage title="Privacy notice and retention" what="the Alliance's policy" query={policy}>
      {() => {
        const view = policy.data!;
        return (
          <>
            {saved && (
              <Confirmation key={saved.key} title="The policy was saved">
                <p>
                  The privacy notice now says records are kept for {view.retentionYears}{' '}
                  {view.retentionYears === 1 ? 'year' : 'years'}. <Link to="/privacy">View the privacy notice</Link>
                </p>
              </Confirmation>
            )}
            <PageHeading caption={`Programme administration, ${view.allianceName}`}>
              Privacy notice and retention
            </PageHeading>
            <p>
              These settings go into the <Link to="/privacy">privacy notice</Link> everyone in your Alliance can read,
              signed in or not.{' '}
              {view.updatedAt ? `Last changed ${formatDateTime(view.updatedAt)}.` : 'The defaults are in use.'}
            </p>
            <PolicyForm
              key={`${view.version}:${reloads}`}
              view={view}
              onSaved={() => setSaved((previous) => ({ key: (previous?.key ?? 0) + 1 }))}
              onReload={() => {
                setSaved(null);
                void policy.refetch().then(() => setReloads((n) => n + 1));
              }}
            />
          </>
        );
      }}
    </QueryPage>
  );
}
