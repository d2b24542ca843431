import type { EnrolmentSummary, OrganisationView, PersonListItem } from '@ccc/contracts';
import { TRACKS, type Track } from '@ccc/programme';
import type { FormEvent } from 'react';
import { Button } from '../../../components/button';
import { ErrorSummary } from '../../../components/error-summary';
import { ChoiceGroup } from '../../../components/form-field';
import { DateInput, Select } from '../../../components/inputs';
import { useEnrolCcc } from '../api/enrol-ccc';
import { EMPTY_ENROL, enrolFieldFor, enrolFieldIds, toEnrolRequest, validateEnrol } from '../utils/forms';
import { useAdminForm } from './use-admin-form';

const TRACK_LABELS: Record<Track, string> = {
  supervision: 'Supervision and training',
  training: 'Training only',
};
const TRACK_OPTIONS = TRACKS.map((track) => ({ value: track, label: TRACK_LABELS[track] }));

interface EnrolFormProps {
  cohortId: string;
  people: PersonListItem[];
  organisations: OrganisationView[];
  onEnrolled: (enrolment: EnrolmentSummary) => void;
}

function holding(people: PersonListItem[], role: string, organisationId?: string) {
  return people
    .filter((p) => p.roles.some((r) => r.role === role && (!organisationId || r.organisationId === organisationId)))
    .sort((a, b) => a.fullName.localeCompare(b.fullName));
}

/** Enrols a CCC: their PCN, their supervisors, the track and when they started in post (for the eligibility check). */
export function EnrolForm({ cohortId, people, organisations, onEnrolled }: EnrolFormProps) {
  const form = useAdminForm(EMPTY_ENROL, validateEnrol, enrolFieldIds, enrolFieldFor);
  const enrol = useEnrolCcc(cohortId);
  const { values, update, errors } = form;
  const cccs = holding(people, 'ccc');
  const pcns = organisations.filter((o) => o.kind === 'pcn').sort((a, b) => a.name.localeCompare(b.name));
  const pcnSupervisors = values.pcnId ? holding(people, 'pcn_supervisor', values.pcnId) : [];
  const allianceSupervisors = holding(people, 'alliance_supervisor');

  function chooseCcc(cccId: string) {
    update('cccId', cccId);
    // The CCC's PCN is almost always the one that employs them: fill it in, still changeable.
    const pcnId = people.find((p) => p.id === cccId)?.roles.find((r) => r.role === 'ccc')?.organisationId;
    if (pcnId && pcns.some((p) => p.id === pcnId)) {
      update('pcnId', pcnId);
      update('pcnSupervisorId', '');
    }
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const request = toEnrolRequest(values);
    if (enrol.isPending || !form.check() || !request) return;
    enrol.mutate(request, {
      onSuccess: (enrolment) => {
        form.reset();
        onEnrolled(enrolment);
      },
      onError: form.fail,
    });
  }

  return (
    <form onSubmit={handleSubmit} noValidate>
      <ErrorSummary id="enrol-errors" errors={form.summary} focusKey={form.attempt} />
      <Select
        id={enrolFieldIds.cccId}
        label="Cancer Care Coordinator"
        error={errors.cccId}
        placeholder="Choose a CCC"
        options={cccs.map((person) => ({ value: person.id, label: `${person.fullName} (${person.email})` }))}
        value={values.cccId}
        onChange={chooseCcc}
      />
      <Select
        id={enrolFieldIds.pcnId}
        label="PCN that employs them"
        error={errors.pcnId}
        placeholder="Choose a PCN"
        options={pcns.map((pcn) => ({ value: pcn.id, label: pcn.name }))}
        value={values.pcnId}
        onChange={(value) => {
          update('pcnId', value);
          update('pcnSupervisorId', '');
        }}
      />
      <Select
        id={enrolFieldIds.pcnSupervisorId}
        label="PCN supervisor (optional)"
        hint={values.pcnId ? undefined : 'Choose the PCN first'}
        error={errors.pcnSupervisorId}
        placeholder="None yet"
        options={pcnSupervisors.map((person) => ({ value: person.id, label: person.fullName }))}
        value={values.pcnSupervisorId}
        onChange={(value) => update('pcnSupervisorId', value)}
      />
      <Select
        id={enrolFieldIds.allianceSupervisorId}
        label="Alliance supervisor (optional)"
        error={errors.allianceSupervisorId}
        placeholder="None yet"
        options={allianceSupervisors.map((person) => ({ value: person.id, label: person.fullName }))}
        value={values.allianceSupervisorId}
        onChange={(value) => update('allianceSupervisorId', value)}
      />
      <ChoiceGroup
        id={enrolFieldIds.track}
        name="enrol-track"
        legend="Track"
        hint="The supervision track is for CCCs new in post; others join the training only"
        error={errors.track}
        options={TRACK_OPTIONS}
        value={values.track}
        onChange={(track) => update('track', track)}
      />
      <DateInput
        id={enrolFieldIds.employmentStart}
        label="Date they started in post"
        hint="Used to check they may join the track chosen. For example, 6 4 2025"
        error={errors.employmentStart}
        value={values.employmentStart}
        onChange={(value) => update('employmentStart', value)}
      />
      <Button type="submit" pending={enrol.isPending}>
        {enrol.isPending ? 'Enrolling…' : 'Enrol CCC'}
      </Button>
    </form>
  );
}
