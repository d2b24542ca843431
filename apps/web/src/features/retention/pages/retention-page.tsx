import type { ErasureResult, RetentionRow } from '@ccc/contracts';
import { useState } from 'react';
import { Button } from '../../../components/button';
import { Confirmation } from '../../../components/confirmation';
import { PageHeading } from '../../../components/page-heading';
import { TableContainer } from '../../../components/table-container';
import { Tag } from '../../../components/tag';
import { formatDate, formatDateTime } from '../../../utils/format';
import { QueryPage } from '../../admin';
import { ENROLMENT_STATUS_LABELS } from '../../enrolments';
import { useRetention } from '../api/get-retention';
import { ErasureForm } from '../components/erasure-form';
import { describeErased, retentionStateOf } from '../utils/erasure';

/**
 * The Alliance administrator's view of retention: each enrolment with when it ended and when its personal data is
 * due for erasure, and the erasure on request of a completed or withdrawn one.
 */
export function RetentionPage() {
  const retention = useRetention();
  const [erasing, setErasing] = useState<RetentionRow | null>(null);
  const [done, setDone] = useState<{ name: string; result: ErasureResult; key: number } | null>(null);

  return (
    <QueryPage title="Retention and erasure" what="the retention of personal data" query={retention}>
      {() => {
        const list = retention.data!;
        return (
          <>
            {done && (
              <Confirmation key={done.key} title={`The personal data of ${done.name} was erased`}>
                <p>
                  {done.result.personAnonymised
                    ? 'They held no other enrolment or role, so their name and e-mail address were erased too.'
                    : 'They still hold another enrolment or role, so their name and account were kept.'}{' '}
                  The audit trail records what was erased and why:
                </p>
                <ul>
                  {describeErased(done.result).map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </Confirmation>
            )}
            <PageHeading caption="Programme administration">Retention and erasure</PageHeading>
            <p>
              The personal data of a completed or withdrawn enrolment is kept for {list.retentionYears} years after it
              ended, then erased each night. You can erase it sooner when someone asks. The cohort report’s figures stay
              the same: only what identifies the person goes.
            </p>
            {list.enrolments.length === 0 ? (
              <p>Your Alliance has no enrolments yet.</p>
            ) : (
              <TableContainer captionId="retention-caption">
                <table className="nhsuk-table">
                  <caption className="nhsuk-table__caption" id="retention-caption">
                    Enrolments of your Alliance
                  </caption>
                  <thead className="nhsuk-table__head">
                    <tr>
                      <th scope="col">CCC</th>
                      <th scope="col">Cohort</th>
                      <th scope="col">Status</th>
                      <th scope="col">Ended</th>
                      <th scope="col">Kept until</th>
                      <th scope="col">
                        <span className="nhsuk-u-visually-hidden">Action</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody className="nhsuk-table__body">
                    {list.enrolments.map((row) => {
                      const state = retentionStateOf(row);
                      return (
                        <tr key={row.enrolmentId} className="nhsuk-table__row" data-enrolment={row.enrolmentId}>
                          <th scope="row" className="nhsuk-table__cell">
                            {row.ccc.fullName}
                          </th>
                          <td className="nhsuk-table__cell">{row.cohort.name}</td>
                          <td className="nhsuk-table__cell">
                            {ENROLMENT_STATUS_LABELS[row.status]}
                            <br />
                            <Tag tone={state.tone} hiddenPrefix="Personal data: ">
                              {state.label}
                            </Tag>
                            {row.erasedAt && (
                              <p className="nhsuk-body-s nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0">
                                {formatDateTime(row.erasedAt)}: {row.erasedReason}
                              </p>
                            )}
                          </td>
                          <td className="nhsuk-table__cell">{row.endedOn ? formatDate(row.endedOn) : 'Not yet'}</td>
                          <td className="nhsuk-table__cell">
                            {row.retentionEndsOn ? formatDate(row.retentionEndsOn) : '–'}
                          </td>
                          <td className="nhsuk-table__cell">
                            {row.status !== 'active' && !row.erasedAt && (
                              <Button
                                small
                                variant="secondary"
                                className="nhsuk-u-margin-bottom-0"
                                aria-expanded={erasing?.enrolmentId === row.enrolmentId}
                                aria-controls={erasing?.enrolmentId === row.enrolmentId ? 'erasure-heading' : undefined}
                                onClick={() => {
                                  setDone(null);
                                  setErasing(row);
                                }}
                              >
                                Erase personal data
                                <span className="nhsuk-u-visually-hidden"> of {row.ccc.fullName}</span>
                              </Button>
                            )}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </TableContainer>
            )}
            {erasing && (
              <ErasureForm
                key={erasing.enrolmentId}
                row={erasing}
                onCancel={() => setErasing(null)}
                onErased={(result) => {
                  setErasing(null);
                  setDone((previous) => ({ name: erasing.ccc.fullName, result, key: (previous?.key ?? 0) + 1 }));
                }}
              />
            )}
          </>
        );
      }}
    </QueryPage>
  );
}
