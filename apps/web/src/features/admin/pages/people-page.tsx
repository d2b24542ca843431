import { ROLE_LABELS, can, type InvitationIssued } from '@ccc/contracts';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Pagination } from '../../../components/pagination';
import { Button } from '../../../components/button';
import { Confirmation } from '../../../components/confirmation';
import { Details } from '../../../components/details';
import { PageHeading } from '../../../components/page-heading';
import { Tag } from '../../../components/tag';
import { TableContainer } from '../../../components/table-container';
import { ErrorMessage } from '../../../components/error-message';
import { formatDateTime } from '../../../utils/format';
import { useMe } from '../../auth';
import { SubjectAccessDownload } from '../../subject-access';
import { useOrganisations } from '../api/get-organisations';
import { usePeoplePage } from '../api/get-people';
import { useReinvitePerson } from '../api/reinvite-person';
import { InviteForm } from '../components/invite-form';
import { PeopleImport } from '../components/people-import';
import { PersonAdministration } from '../components/person-administration';
import { QueryPage } from '../components/query-page';

/** People per page: a long list is read a page at a time, found by name, e-mail or organisation. */
export const PEOPLE_PAGE_SIZE = 25;

/** The people of the Alliance and its PCNs, with their roles; an administrator invites someone new here. */
export function PeoplePage() {
  // The search and the page are in the address: back, reload and a link to a colleague show the same.
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const pageParam = Number(params.get('page') ?? '1');
  const pageAsked = Number.isInteger(pageParam) && pageParam >= 1 ? Math.min(pageParam, 100_000) : 1;
  // The API pages and searches (#20 item 1): the browser holds one page, whatever the Alliance's size.
  const people = usePeoplePage(pageAsked, PEOPLE_PAGE_SIZE, search);
  const toPage = (page: number) => {
    const next = new URLSearchParams(params);
    if (page > 1) next.set('page', String(page));
    else next.delete('page');
    return { search: next.toString() ? `?${next.toString()}` : '' };
  };
  // A page past the end (a bookmark, or people left since): the last page there is, as the browser paging did.
  const lastPage = people.data ? Math.max(1, Math.ceil(people.data.total / PEOPLE_PAGE_SIZE)) : 1;
  const pastTheEnd = !people.isPlaceholderData && people.data?.items.length === 0 && people.data.total > 0;
  useEffect(() => {
    if (pastTheEnd) setParams(toPage(lastPage).search, { replace: true });
  });
  const organisations = useOrganisations();
  const me = useMe();
  const roles = me.data?.roles.map(({ role }) => role) ?? [];
  const mayInvite = can(roles, 'people:invite');
  // An administrator downloads anyone's subject-access export (the API decides whose: their Alliance's people).
  const isAdmin = roles.includes('admin');
  const reinvite = useReinvitePerson();
  const [done, setDone] = useState<{ title: string; detail: string; key: number } | null>(null);

  const sent = (issued: InvitationIssued, again = false) =>
    setDone((previous) => ({
      title: again
        ? `A new invitation was sent to ${issued.person.fullName}`
        : `Invitation sent to ${issued.person.fullName}`,
      // The same words whether or not the address is known: nothing here says if it has an account anywhere.
      detail: issued.expiresAt
        ? `We e-mailed ${issued.person.email} a link to accept the invitation. It works once, until ${formatDateTime(issued.expiresAt)}. They hold the role once they accept.`
        : `${issued.person.fullName} now holds this role in your Alliance too and was told by e-mail.`,
      // A new key each time, so the banner takes focus again for a second invitation.
      key: (previous?.key ?? 0) + 1,
    }));

  return (
    <QueryPage title="People" what="the people" query={people}>
      {() => {
        const answer = people.data!;
        const pages = Math.max(1, Math.ceil(answer.total / PEOPLE_PAGE_SIZE));
        const from = (answer.page - 1) * PEOPLE_PAGE_SIZE;
        const shown = {
          items: answer.items,
          page: answer.page,
          pages,
          total: answer.total,
          from: answer.items.length > 0 ? from + 1 : 0,
          to: from + answer.items.length,
        };
        return (
          <>
            {done && (
              <Confirmation key={done.key} title={done.title}>
                <p>{done.detail}</p>
              </Confirmation>
            )}
            <PageHeading caption="Programme administration">People</PageHeading>
            {reinvite.isError && <ErrorMessage title="The invitation could not be sent" error={reinvite.error} />}
            <div className="nhsuk-form-group app-people-search">
              <label className="nhsuk-label" htmlFor="people-search">
                Search by name, e-mail or organisation
              </label>
              <input
                className="nhsuk-input nhsuk-input--width-20"
                id="people-search"
                type="search"
                autoComplete="off"
                value={search}
                onChange={(event) => {
                  const next = new URLSearchParams(params);
                  if (event.target.value) next.set('q', event.target.value);
                  else next.delete('q');
                  next.delete('page');
                  setParams(next, { replace: true });
                }}
              />
            </div>
            <p role="status" className="app-people-count">
              {shown.total === 0
                ? 'Nobody matches the search.'
                : shown.pages > 1
                  ? `Showing ${shown.from} to ${shown.to} of ${shown.total} people${search.trim() ? ' matching the search' : ''}.`
                  : `Showing ${shown.total === 1 ? '1 person' : `all ${shown.total} people`}${search.trim() ? ' matching the search' : ''}.`}
            </p>
            <TableContainer captionId="people-caption">
              <table className="nhsuk-table">
                <caption className="nhsuk-u-visually-hidden" id="people-caption">
                  People
                </caption>
                <thead className="nhsuk-table__head">
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Roles</th>
                    <th scope="col">Account</th>
                  </tr>
                </thead>
                <tbody className="nhsuk-table__body">
                  {shown.items.map((person) => (
                    <tr key={person.id} className="nhsuk-table__row" data-person={person.email}>
                      <th scope="row" className="nhsuk-table__cell">
                        {person.fullName}
                        <span className="app-secondary-text">{person.email}</span>
                      </th>
                      <td className="nhsuk-table__cell">
                        <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
                          {person.roles.map((role) => (
                            <li key={`${role.role}:${role.organisationId}`}>
                              {ROLE_LABELS[role.role]}, {role.organisationName}
                            </li>
                          ))}
                        </ul>
                      </td>
                      <td className="nhsuk-table__cell">
                        {person.invitationPending ? (
                          <>
                            <Tag tone="warning" hiddenPrefix="Account: ">
                              Invited
                            </Tag>
                            {mayInvite && (
                              <Button
                                variant="secondary"
                                small
                                className="nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0"
                                pending={reinvite.isPending}
                                onClick={() =>
                                  reinvite.mutate(person.id, { onSuccess: (issued) => sent(issued, true) })
                                }
                              >
                                Send a new link
                                <span className="nhsuk-u-visually-hidden"> to {person.fullName}</span>
                              </Button>
                            )}
                          </>
                        ) : person.deactivatedAt ? (
                          <Tag tone="warning" hiddenPrefix="Account: ">
                            Deactivated
                          </Tag>
                        ) : (
                          <Tag tone="success" hiddenPrefix="Account: ">
                            Active
                          </Tag>
                        )}
                        {can(roles, 'people:manage') && person.version > 0 && !person.deactivatedAt && (
                          <PersonAdministration
                            key={person.version}
                            person={person}
                            self={person.id === me.data?.id}
                            onDone={(title) => setDone({ title, detail: '', key: Date.now() })}
                          />
                        )}
                        {isAdmin && (
                          <SubjectAccessDownload
                            person={{ id: person.id, fullName: person.fullName }}
                            self={person.id === me.data?.id}
                            small
                          />
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableContainer>
            <Pagination page={shown.page} pages={shown.pages} toPage={toPage} what="people" />
            {mayInvite && (
              <section aria-labelledby="invite-heading" className="app-section">
                <h2 id="invite-heading">Invite a person</h2>
                <Details summary="Give someone a role and send them a link to set their password">
                  <InviteForm organisations={organisations.data ?? []} onInvited={(issued) => sent(issued)} />
                </Details>
              </section>
            )}
            {mayInvite && (
              <section aria-labelledby="import-heading" className="app-section">
                <h2 id="import-heading">Import people</h2>
                <Details summary="Invite many people at once from a spreadsheet">
                  <PeopleImport />
                </Details>
              </section>
            )}
          </>
        );
      }}
    </QueryPage>
  );
}
