import { can, type OrganisationView } from '@ccc/contracts';
import { type FormEvent, useState } from 'react';
import { Button } from '../../../components/button';
import { Confirmation } from '../../../components/confirmation';
import { Details } from '../../../components/details';
import { ErrorSummary } from '../../../components/error-summary';
import { TextInput } from '../../../components/inputs';
import { PageHeading } from '../../../components/page-heading';
import { StaleVersionNotice } from '../../../components/stale-version-notice';
import { TableContainer } from '../../../components/table-container';
import { formatDate } from '../../../utils/format';
import { useMe } from '../../auth';
import { NO_ACTION_ERROR, readActionError, type ActionErrorState } from '../../../utils/action-error';
import { useCloseOrganisation, useCreateOrganisation, useRenameOrganisation } from '../api/change-organisation';
import { useOrganisations } from '../api/get-organisations';
import { QueryPage } from '../components/query-page';

/** One PCN: renamed or closed by an administrator (a closed PCN keeps its history and takes no new enrolments). */
function PcnChanges({
  pcn,
  onDone,
  onFail,
}: {
  pcn: OrganisationView;
  onDone: (t: string) => void;
  onFail: (e: unknown) => void;
}) {
  const [name, setName] = useState(pcn.name);
  const rename = useRenameOrganisation();
  const close = useCloseOrganisation();
  const id = `rename-${pcn.id}`;
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    rename.mutate(
      { id: pcn.id, body: { name, version: pcn.version } },
      { onSuccess: (o) => onDone(`PCN renamed: ${o.name}`), onError: onFail },
    );
  }
  return (
    <Details summary={`Rename or close ${pcn.name}`}>
      <form onSubmit={submit} noValidate>
        <TextInput id={id} label="New name" type="text" value={name} onChange={(value) => setName(value)} />
        <Button type="submit" pending={rename.isPending}>
          Rename
        </Button>{' '}
        <Button
          variant="secondary"
          pending={close.isPending}
          onClick={() =>
            close.mutate(
              { id: pcn.id, body: { version: pcn.version } },
              { onSuccess: (o) => onDone(`PCN closed: ${o.name}`), onError: onFail },
            )
          }
        >
          Close this PCN
        </Button>
      </form>
    </Details>
  );
}

/** Programme administration: the PCNs of the Alliance; an administrator adds, renames and closes them. */
export function OrganisationsPage() {
  const organisations = useOrganisations();
  const me = useMe();
  const mayManage = can(me.data?.roles.map(({ role }) => role) ?? [], 'organisation:manage');
  const create = useCreateOrganisation();
  const [name, setName] = useState('');
  const [done, setDone] = useState<{ title: string; key: number } | null>(null);
  const [error, setError] = useState<ActionErrorState>(NO_ACTION_ERROR);
  const [attempt, setAttempt] = useState(0);
  const fail = (e: unknown) => {
    setError(readActionError(e, (field) => (field === 'name' ? 'name' : null)));
    setAttempt((n) => n + 1);
  };
  const succeed = (title: string) => {
    setError(NO_ACTION_ERROR);
    setDone({ title, key: Date.now() });
  };

  function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) return;
    create.mutate(
      { name },
      {
        onSuccess: (o) => {
          setName('');
          succeed(`PCN added: ${o.name}`);
        },
        onError: fail,
      },
    );
  }

  const summary = [
    ...error.general.map((message) => ({ message })),
    ...(error.fields['name'] ? [{ message: error.fields['name'], fieldId: 'new-pcn-name' }] : []),
  ];

  return (
    <QueryPage title="PCNs" what="the PCNs" query={organisations}>
      {() => {
        const pcns = (organisations.data ?? []).filter((o) => o.kind === 'pcn');
        return (
          <>
            {done && <Confirmation key={done.key} title={done.title} />}
            <PageHeading caption="Programme administration">Primary Care Networks</PageHeading>
            {error.stale !== null && (
              <StaleVersionNotice what="PCN" message={error.stale} onReload={() => void organisations.refetch()} />
            )}
            <ErrorSummary id="pcn-errors" errors={summary} focusKey={attempt} />
            <TableContainer captionId="pcns-caption">
              <table className="nhsuk-table">
                <caption className="nhsuk-table__caption nhsuk-u-visually-hidden" id="pcns-caption">
                  PCNs of the Alliance
                </caption>
                <thead className="nhsuk-table__head">
                  <tr>
                    <th scope="col">PCN</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody className="nhsuk-table__body">
                  {pcns.map((pcn) => (
                    <tr key={pcn.id} className="nhsuk-table__row" data-pcn={pcn.name}>
                      <th scope="row" className="nhsuk-table__cell">
                        {pcn.name}
                        {mayManage && !pcn.closedAt && (
                          <PcnChanges key={pcn.version} pcn={pcn} onDone={succeed} onFail={fail} />
                        )}
                      </th>
                      <td className="nhsuk-table__cell">
                        {pcn.closedAt ? `Closed on ${formatDate(pcn.closedAt.slice(0, 10))}` : 'Open'}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableContainer>
            {mayManage && (
              <section aria-labelledby="add-pcn-heading" className="app-section">
                <h2 id="add-pcn-heading">Add a PCN</h2>
                <form onSubmit={add} noValidate>
                  <TextInput
                    id="new-pcn-name"
                    label="Name of the PCN"
                    error={error.fields['name']}
                    type="text"
                    value={name}
                    onChange={(value) => setName(value)}
                  />
                  <Button type="submit" pending={create.isPending}>
                    Add PCN
                  </Button>
                </form>
              </section>
            )}
          </>
        );
      }}
    </QueryPage>
  );
}
