import { INVITABLE_ROLES, ROLE_LABELS, type InvitationIssued, type OrganisationView } from '@ccc/contracts';
import type { FormEvent } from 'react';
import { Button } from '../../../components/button';
import { ErrorSummary } from '../../../components/error-summary';
import { ChoiceGroup } from '../../../components/form-field';
import { Select, TextInput } from '../../../components/inputs';
import { useInvitePerson } from '../api/invite-person';
import {
  EMPTY_INVITE,
  inviteFieldFor,
  inviteFieldIds,
  organisationKindFor,
  toInviteRequest,
  validateInvite,
} from '../utils/forms';
import { useAdminForm } from './use-admin-form';

const ROLE_OPTIONS = INVITABLE_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

interface InviteFormProps {
  organisations: OrganisationView[];
  onInvited: (issued: InvitationIssued) => void;
}

/** Invites a person with one role: they get an e-mail with a one-time link to set their password. */
export function InviteForm({ organisations, onInvited }: InviteFormProps) {
  const form = useAdminForm(EMPTY_INVITE, validateInvite, inviteFieldIds, inviteFieldFor);
  const invite = useInvitePerson();
  const { values, update, errors } = form;
  const kind = organisationKindFor(values.role);
  const choices = organisations
    .filter((o) => (kind ? o.kind === kind : true))
    .sort((a, b) => a.name.localeCompare(b.name));

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const request = toInviteRequest(values);
    if (invite.isPending || !form.check() || !request) return;
    invite.mutate(request, {
      onSuccess: (issued) => {
        form.reset();
        onInvited(issued);
      },
      onError: form.fail,
    });
  }

  return (
    <form onSubmit={handleSubmit} noValidate>
      <ErrorSummary id="invite-errors" errors={form.summary} focusKey={form.attempt} />
      <TextInput
        id={inviteFieldIds.fullName}
        label="Full name"
        error={errors.fullName}
        type="text"
        autoComplete="off"
        value={values.fullName}
        onChange={(value) => update('fullName', value)}
      />
      <TextInput
        id={inviteFieldIds.email}
        label="Email address"
        hint="The invitation is sent here"
        error={errors.email}
        type="email"
        autoComplete="off"
        spellCheck={false}
        value={values.email}
        onChange={(value) => update('email', value)}
      />
      <ChoiceGroup
        id={inviteFieldIds.role}
        name="invite-role"
        legend="Role"
        error={errors.role}
        options={ROLE_OPTIONS}
        value={values.role}
        onChange={(role) => {
          update('role', role);
          if (organisationKindFor(role) !== kind) update('organisationId', '');
        }}
      />
      <Select
        id={inviteFieldIds.organisationId}
        label={kind === 'pcn' ? 'PCN' : 'Organisation'}
        hint={kind ? undefined : 'Choose the role first'}
        error={errors.organisationId}
        value={values.organisationId}
        onChange={(value) => update('organisationId', value)}
        placeholder={kind === 'pcn' ? 'Choose a PCN' : 'Choose an organisation'}
        options={choices.map((organisation) => ({ value: organisation.id, label: organisation.name }))}
      />
      <Button type="submit" pending={invite.isPending}>
        {invite.isPending ? 'Sending…' : 'Send invitation'}
      </Button>
    </form>
  );
}
