import { ROLE_LABELS, type PersonListItem } from '@ccc/contracts';
import { type FormEvent, useState } from 'react';
import { Button } from '../../../components/button';
import { Details } from '../../../components/details';
import { ErrorSummary } from '../../../components/error-summary';
import { TextInput } from '../../../components/inputs';
import { NO_ACTION_ERROR, readActionError, type ActionErrorState } from '../../../utils/action-error';
import { useDeactivatePerson, useEndRole, useUpdatePerson } from '../api/change-person';

interface PersonAdministrationProps {
  person: PersonListItem;
  self: boolean;
  onDone: (title: string) => void;
}

/**
 * Administrators correct a person of their Alliance: the name (at once), the e-mail address (once confirmed from the
 * link sent to the new one), one of their roles ended, or the account deactivated (every session ended at once).
 */
export function PersonAdministration({ person, self, onDone }: PersonAdministrationProps) {
  const [fullName, setFullName] = useState(person.fullName);
  const [email, setEmail] = useState(person.pendingEmail ?? person.email);
  const [error, setError] = useState<ActionErrorState>(NO_ACTION_ERROR);
  const [attempt, setAttempt] = useState(0);
  const update = useUpdatePerson(person.id);
  const end = useEndRole(person.id);
  const deactivate = useDeactivatePerson(person.id);
  const ids = { fullName: `person-name-${person.id}`, email: `person-email-${person.id}` };
  const fail = (e: unknown) => {
    setError(readActionError(e, (field) => (field in ids ? field : null)));
    setAttempt((n) => n + 1);
  };

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body: { fullName?: string; email?: string; version: number } = { version: person.version };
    if (fullName !== person.fullName) body.fullName = fullName;
    if (email.trim().toLowerCase() !== person.email && email !== person.pendingEmail) body.email = email;
    update.mutate(body, {
      onSuccess: (p) =>
        onDone(
          p.pendingEmail && body.email
            ? `${p.fullName}: a confirmation was sent to ${p.pendingEmail}`
            : `${p.fullName}: saved`,
        ),
      onError: fail,
    });
  }

  const summary = [
    ...error.general.map((message) => ({ message })),
    ...(error.stale !== null ? [{ message: error.stale || 'Reload the page and try again' }] : []),
    ...Object.entries(error.fields).map(([field, message]) => ({ message, fieldId: ids[field as keyof typeof ids] })),
  ];

  return (
    <Details
      summary={
        <>
          Change<span className="nhsuk-u-visually-hidden"> {person.fullName}</span>
        </>
      }
    >
      <ErrorSummary id={`person-errors-${person.id}`} errors={summary} focusKey={attempt} inList />
      {person.pendingEmail && <p>Waiting for confirmation: {person.pendingEmail}</p>}
      <form onSubmit={save} noValidate>
        <TextInput
          id={ids.fullName}
          label="Full name"
          error={error.fields['fullName']}
          type="text"
          value={fullName}
          onChange={(value) => setFullName(value)}
        />
        <TextInput
          id={ids.email}
          label="E-mail address"
          hint="A new address changes once its owner follows the link sent to it"
          error={error.fields['email']}
          type="email"
          value={email}
          onChange={(value) => setEmail(value)}
        />
        <Button type="submit" small pending={update.isPending}>
          Save
        </Button>
      </form>
      <ul className="nhsuk-list">
        {person.roles.map((role) => (
          <li key={`${role.role}:${role.organisationId}`}>
            <Button
              variant="secondary"
              small
              pending={end.isPending}
              onClick={() =>
                end.mutate(
                  { role: role.role, organisationId: role.organisationId },
                  { onSuccess: (p) => onDone(`${p.fullName}: role ended`), onError: fail },
                )
              }
            >
              End the role {ROLE_LABELS[role.role]}, {role.organisationName}
            </Button>
          </li>
        ))}
      </ul>
      {!self && (
        <Button
          variant="warning"
          small
          pending={deactivate.isPending}
          onClick={() =>
            deactivate.mutate(
              { version: person.version },
              { onSuccess: (p) => onDone(`${p.fullName}: account deactivated`), onError: fail },
            )
          }
        >
          Deactivate the account
        </Button>
      )}
    </Details>
  );
}
