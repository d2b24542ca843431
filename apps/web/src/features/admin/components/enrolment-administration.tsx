import { can, type ChangeEnrolmentRequest, type EnrolmentSummary } from '@ccc/contracts';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '../../../components/button';
import { Confirmation } from '../../../components/confirmation';
import { Details } from '../../../components/details';
import { ErrorSummary } from '../../../components/error-summary';
import { FormField, fieldClass } from '../../../components/form-field';
import { Select } from '../../../components/inputs';
import { ReasonField } from './reason-field';
import { StaleVersionNotice } from '../../../components/stale-version-notice';
import { formatDate } from '../../../utils/format';
import { useMe } from '../../auth';
import { NO_ACTION_ERROR, readActionError, type ActionErrorState } from '../../../utils/action-error';
import {
  useChangeEnrolment,
  useDeleteEnrolment,
  useEnrolmentChanges,
  useReinstateEnrolment,
  useReopenEnrolment,
} from '../api/change-enrolment';
import { useOrganisations } from '../api/get-organisations';
import { getPeopleQueryOptions } from '../api/get-people';
import { PauseResume } from './pause-resume';

interface EnrolmentAdministrationProps {
  enrolment: EnrolmentSummary;
  onReload: () => void;
}

const FIELDS = {
  pcnId: 'move-pcn',
  pcnSupervisorId: 'move-pcn-supervisor',
  allianceSupervisorId: 'move-alliance-supervisor',
  effectiveFrom: 'move-effective-from',
  reason: 'move-reason',
};
const fieldFor = (field: string) => (field in FIELDS ? field : null);
const FIELD_LABELS: Record<string, string> = {
  pcnId: 'PCN',
  pcnSupervisorId: 'PCN supervisor',
  allianceSupervisorId: 'Alliance supervisor',
  status: 'Status',
  statusReason: 'Reason',
  pausedFrom: 'Paused from',
  shiftedMonths: 'Plan moved on (months)',
};
const ACTION_LABELS: Record<string, string> = {
  'enrolment.created': 'Enrolled',
  'enrolment.changed': 'Changed',
  'enrolment.withdrawn': 'Withdrawn',
  'enrolment.reinstated': 'Reinstated',
  'enrolment.reopened': 'Reopened',
  'enrolment.completed': 'Completed',
  'enrolment.paused': 'Paused',
  'enrolment.resumed': 'Resumed',
};

function londonToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
}

/**
 * On the timeline: the enrolment's changes for whoever reads it and, for an administrator, moving the CCC to another
 * PCN or supervisor from a date, pausing and resuming them, reinstating a withdrawn CCC, or deleting an enrolment
 * made in error.
 */
export function EnrolmentAdministration({ enrolment, onReload }: EnrolmentAdministrationProps) {
  const me = useMe();
  const roles = me.data?.roles.map(({ role }) => role) ?? [];
  const mayChange = can(roles, 'enrolment:change');
  const history = useEnrolmentChanges(enrolment.id);
  const people = useQuery({ ...getPeopleQueryOptions(), enabled: mayChange });
  const organisations = useOrganisations({ enabled: mayChange });
  const change = useChangeEnrolment(enrolment.id);
  const reinstate = useReinstateEnrolment(enrolment.id);
  const reopen = useReopenEnrolment(enrolment.id);
  const remove = useDeleteEnrolment(enrolment.id);
  const navigate = useNavigate();
  const [pcnId, setPcnId] = useState(enrolment.pcn.id);
  const [pcnSupervisorId, setPcnSupervisorId] = useState(enrolment.pcnSupervisor?.id ?? '');
  const [allianceSupervisorId, setAllianceSupervisorId] = useState(enrolment.allianceSupervisor?.id ?? '');
  const [effectiveFrom, setEffectiveFrom] = useState(londonToday());
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ActionErrorState>(NO_ACTION_ERROR);
  const [attempt, setAttempt] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const fail = (e: unknown) => {
    setError(readActionError(e, fieldFor));
    setAttempt((n) => n + 1);
  };
  const succeed = (title: string) => {
    setError(NO_ACTION_ERROR);
    setDone(title);
    setReason('');
    onReload();
  };

  const pcns = (organisations.data ?? []).filter((o) => o.kind === 'pcn' && (!o.closedAt || o.id === enrolment.pcn.id));
  const holders = (role: string, organisationId?: string) =>
    (people.data ?? []).filter((p) =>
      p.roles.some((r) => r.role === role && (!organisationId || r.organisationId === organisationId)),
    );

  function move(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (change.isPending) return;
    const body: ChangeEnrolmentRequest = { effectiveFrom, reason, version: enrolment.version };
    if (pcnId !== enrolment.pcn.id) body.pcnId = pcnId;
    if (pcnSupervisorId !== (enrolment.pcnSupervisor?.id ?? '') || pcnId !== enrolment.pcn.id)
      body.pcnSupervisorId = pcnSupervisorId || null;
    if (allianceSupervisorId !== (enrolment.allianceSupervisor?.id ?? ''))
      body.allianceSupervisorId = allianceSupervisorId || null;
    change.mutate(body, {
      onSuccess: (e) => succeed(`${e.ccc.fullName} now with ${e.pcn.name}`),
      onError: fail,
    });
  }

  function reopenEnrolment(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (reopen.isPending) return;
    reopen.mutate(
      { reason, version: enrolment.version },
      { onSuccess: (e) => succeed(`${e.ccc.fullName}\u2019s enrolment is active again`), onError: fail },
    );
  }

  const summary = [
    ...error.general.map((message) => ({ message })),
    ...Object.entries(error.fields).map(([field, message]) => ({
      message,
      fieldId: FIELDS[field as keyof typeof FIELDS],
    })),
  ];

  return (
    <section aria-labelledby="enrolment-changes-heading" className="app-section">
      <h2 id="enrolment-changes-heading">Changes to this enrolment</h2>
      {done && <Confirmation title={done} headingLevel={3} />}
      {(history.data ?? []).length > 0 && (
        <ul className="nhsuk-list" data-testid="enrolment-history">
          {(history.data ?? []).map((entry) => (
            <li key={`${entry.action}-${entry.at}`}>
              <strong>{ACTION_LABELS[entry.action] ?? entry.action}</strong> on {formatDate(entry.at.slice(0, 10))}
              {entry.effectiveFrom && ` (from ${formatDate(entry.effectiveFrom)})`}
              {entry.by && ` by ${entry.by.fullName}`}
              {entry.changes
                .filter((c) => FIELD_LABELS[c.field])
                .map((c) => `; ${FIELD_LABELS[c.field]}: ${c.from ?? 'none'} → ${c.to ?? 'none'}`)
                .join('')}
              {entry.reason && `. ${entry.reason}`}
            </li>
          ))}
        </ul>
      )}
      {mayChange && (
        <>
          {error.stale !== null && <StaleVersionNotice what="enrolment" message={error.stale} onReload={onReload} />}
          <ErrorSummary id="enrolment-change-errors" errors={summary} focusKey={attempt} />
          {enrolment.status === 'active' && (
            <Details summary="Move to another PCN or supervisor">
              <form onSubmit={move} noValidate>
                <Select
                  id={FIELDS.pcnId}
                  label="PCN that employs them"
                  error={error.fields['pcnId']}
                  value={pcnId}
                  onChange={(value) => {
                    setPcnId(value);
                    setPcnSupervisorId('');
                  }}
                  options={pcns.map((o) => ({ value: o.id, label: o.name }))}
                />
                <Select
                  id={FIELDS.pcnSupervisorId}
                  label="PCN supervisor"
                  error={error.fields['pcnSupervisorId']}
                  value={pcnSupervisorId}
                  onChange={setPcnSupervisorId}
                  placeholder="None yet"
                  options={holders('pcn_supervisor', pcnId).map((p) => ({ value: p.id, label: p.fullName }))}
                />
                <Select
                  id={FIELDS.allianceSupervisorId}
                  label="Alliance supervisor"
                  error={error.fields['allianceSupervisorId']}
                  value={allianceSupervisorId}
                  onChange={setAllianceSupervisorId}
                  placeholder="None yet"
                  options={holders('alliance_supervisor').map((p) => ({ value: p.id, label: p.fullName }))}
                />
                <FormField
                  id={FIELDS.effectiveFrom}
                  label="From"
                  hint="Not after today. Their bookings and release requests go to the new supervisors."
                  error={error.fields['effectiveFrom']}
                >
                  {(control) => (
                    <input
                      {...control}
                      className={fieldClass('nhsuk-input nhsuk-input--width-10', control)}
                      type="date"
                      value={effectiveFrom}
                      onChange={(event) => setEffectiveFrom(event.target.value)}
                    />
                  )}
                </FormField>
                <ReasonField
                  id={FIELDS.reason}
                  label="Why"
                  error={error.fields['reason']}
                  value={reason}
                  onChange={setReason}
                />
                <Button type="submit" pending={change.isPending}>
                  {change.isPending ? 'Saving…' : 'Save the change'}
                </Button>
              </form>
            </Details>
          )}
          {enrolment.status !== 'active' && (
            <Details summary={`Reopen this ${enrolment.status} enrolment`}>
              <form onSubmit={reopenEnrolment} noValidate>
                <p>
                  {enrolment.status === 'completed'
                    ? 'It becomes active again and its handover record asks its three parties to sign it again.'
                    : 'It becomes active again and the CCC is back on the cohort meetings still to come.'}
                </p>
                <ReasonField
                  id={FIELDS.reason}
                  label="Why it is reopened"
                  error={error.fields['reason']}
                  value={reason}
                  onChange={setReason}
                />
                <Button type="submit" pending={reopen.isPending}>
                  Reopen the enrolment
                </Button>
              </form>
            </Details>
          )}
          {enrolment.status === 'active' && (
            <PauseResume
              enrolment={enrolment}
              onReload={onReload}
              onDone={(title) => {
                setError(NO_ACTION_ERROR);
                setDone(title);
                onReload();
              }}
            />
          )}
          {enrolment.status === 'withdrawn' && (
            <Button
              variant="secondary"
              pending={reinstate.isPending}
              onClick={() =>
                reinstate.mutate(
                  { version: enrolment.version },
                  { onSuccess: (e) => succeed(`${e.ccc.fullName} is back on the programme`), onError: fail },
                )
              }
            >
              Reinstate {enrolment.ccc.fullName}
            </Button>
          )}
          <Details summary="Delete this enrolment (made in error)">
            <p>
              Only before anything has happened in it. It then leaves no trace in reports; the audit trail keeps what it
              was. Otherwise, withdraw the CCC.
            </p>
            {confirmDelete ? (
              <Button
                variant="warning"
                pending={remove.isPending}
                onClick={() =>
                  remove.mutate(
                    { version: enrolment.version },
                    { onSuccess: () => void navigate(`/admin/cohorts/${enrolment.cohort.id}`), onError: fail },
                  )
                }
              >
                Yes, delete this enrolment
              </Button>
            ) : (
              <Button variant="warning" onClick={() => setConfirmDelete(true)}>
                Delete the enrolment
              </Button>
            )}
          </Details>
        </>
      )}
    </section>
  );
}
