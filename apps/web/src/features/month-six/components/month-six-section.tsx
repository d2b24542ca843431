import { can, type EnrolmentSummary } from '@ccc/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { Confirmation } from '../../../components/confirmation';
import { Details } from '../../../components/details';
import { InsetText } from '../../../components/inset-text';
import { formatDate } from '../../../utils/format';
import { useMe } from '../../auth';
import { WithdrawForm } from '../../admin';

interface MonthSixSectionProps {
  enrolment: EnrolmentSummary;
  onReload: () => void;
}

/**
 * On the timeline: the end of the programme (the handover interview, the survey, the outcomes log) and, for an
 * administrator, withdrawing the CCC early.
 */
export function MonthSixSection({ enrolment, onReload }: MonthSixSectionProps) {
  const me = useMe();
  const roles = me.data?.roles.map(({ role }) => role) ?? [];
  const isCcc = me.data?.id === enrolment.ccc.id;
  const isPcnSupervisor = me.data?.id === enrolment.pcnSupervisor?.id;
  const [withdrawn, setWithdrawn] = useState(false);
  const base = `/enrolments/${enrolment.id}`;

  return (
    <section aria-labelledby="month-six-heading" className="app-section">
      <h2 id="month-six-heading">Handover, survey and outcomes</h2>
      {withdrawn && <Confirmation title={`${enrolment.ccc.fullName} has been withdrawn`} headingLevel={3} />}
      {enrolment.status === 'withdrawn' && (
        <InsetText>
          <p>
            Withdrawn{enrolment.statusChangedAt ? ` on ${formatDate(enrolment.statusChangedAt)}` : ''}
            {enrolment.statusReason ? `: ${enrolment.statusReason}` : ''}. The records are kept, read-only.
          </p>
        </InsetText>
      )}
      <ul className="nhsuk-list">
        {can(roles, 'handover:read') && (
          <li>
            <Link to={`${base}/handover`}>Handover and evaluation interview</Link>
          </li>
        )}
        {can(roles, 'survey:respond') && (isCcc || isPcnSupervisor) && (
          <li>
            <Link to={`${base}/survey`}>Evaluation survey</Link>
          </li>
        )}
        {can(roles, 'outcomes:read') && (
          <li>
            <Link to={`${base}/outcomes`}>Outcomes log</Link>
          </li>
        )}
      </ul>
      {can(roles, 'enrolment:withdraw') && enrolment.status === 'active' && !withdrawn && (
        <Details summary="Withdraw this CCC from the programme">
          <WithdrawForm
            enrolment={enrolment}
            onReload={onReload}
            onWithdrawn={() => {
              setWithdrawn(true);
              onReload();
            }}
          />
        </Details>
      )}
    </section>
  );
}
