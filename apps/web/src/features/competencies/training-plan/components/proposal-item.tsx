import type { TrainingPlanResponse, TrainingProposalView } from '@ccc/contracts';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../../components/button';
import { Details } from '../../../../components/details';
import { describeError } from '../../../../components/error-message';
import { FormField, fieldClass } from '../../../../components/form-field';
import { TextInput } from '../../../../components/inputs';
import { competencyPath } from '../../api/get-competency';
import { monthLabel } from '../../utils/labels';
import { useAcceptTrainingProposal, useDropTrainingProposal } from '../api/decide-training-proposal';
import { monthsFor } from '../utils/plan';

interface ProposalItemProps {
  plan: TrainingPlanResponse;
  proposal: TrainingProposalView;
  titles: Map<string, string>;
  onDone: (title: string, detail: string | null) => void;
}

/** A need agreed at the TNA, proposed as a plan item: add it as it is, change it first, or drop it. */
export function ProposalItem({ plan, proposal, titles, onDone }: ProposalItemProps) {
  const accept = useAcceptTrainingProposal(plan.enrolmentId);
  const drop = useDropTrainingProposal(plan.enrolmentId);
  const [title, setTitle] = useState(proposal.title);
  const [month, setMonth] = useState(String(proposal.targetMonth));
  const [titleError, setTitleError] = useState<string | null>(null);
  const pending = accept.isPending || drop.isPending;
  const key = `${proposal.round}-${proposal.code.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const error = accept.error ?? drop.error;

  function decide(what: 'accept' | 'drop', changes: { title?: string; targetMonth?: number } = {}) {
    if (pending) return;
    const mutation = what === 'accept' ? accept : drop;
    // mutateAsync: the decided proposal leaves the list before mutate's callbacks would run.
    mutation
      .mutateAsync({ round: proposal.round, code: proposal.code, body: { ...changes, version: proposal.version } })
      .then(
        () =>
          onDone(
            what === 'accept' ? 'Added to the training plan' : 'Proposal dropped',
            changes.title ?? proposal.title,
          ),
        () => undefined,
      );
  }

  function handleEdit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!title.trim()) {
      setTitleError('Enter what the item is');
      return;
    }
    setTitleError(null);
    decide('accept', { title: title.trim(), targetMonth: Number(month) });
  }

  return (
    <li className="app-rows__item" data-proposal={`${proposal.round}/${proposal.code}`}>
      <p className="nhsuk-u-margin-bottom-1">
        <strong>{proposal.title}</strong>
        <span className="app-secondary-text">Proposed for {monthLabel(proposal.targetMonth)}</span>
      </p>
      <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
        Need agreed at training needs analysis {proposal.round} for{' '}
        <Link to={competencyPath(plan.enrolmentId, proposal.code)}>{titles.get(proposal.code) ?? proposal.code}</Link>:{' '}
        {proposal.needs}
      </p>
      {plan.canEdit && (
        <>
          <ul className="nhsuk-list app-button-list">
            <li>
              <Button small pending={accept.isPending} onClick={() => decide('accept')}>
                Add to the plan<span className="nhsuk-u-visually-hidden">: {proposal.title}</span>
              </Button>
            </li>
            <li>
              <Button variant="secondary" small pending={drop.isPending} onClick={() => decide('drop')}>
                Drop<span className="nhsuk-u-visually-hidden"> the proposal: {proposal.title}</span>
              </Button>
            </li>
          </ul>
          <Details
            summary={
              <>
                Change it, then add it<span className="nhsuk-u-visually-hidden">: {proposal.title}</span>
              </>
            }
          >
            <form onSubmit={handleEdit} noValidate>
              <TextInput
                id={`proposal-title-${key}`}
                label="What is it?"
                error={titleError ?? undefined}
                type="text"
                maxLength={200}
                value={title}
                onChange={(value) => setTitle(value)}
              />
              <FormField id={`proposal-month-${key}`} label="Month to do it by">
                {(control) => (
                  <select
                    {...control}
                    className={fieldClass('nhsuk-select', control)}
                    value={month}
                    onChange={(event) => setMonth(event.target.value)}
                  >
                    {monthsFor('free', plan).map((m) => (
                      <option key={m.month} value={String(m.month)}>
                        {m.label}
                      </option>
                    ))}
                  </select>
                )}
              </FormField>
              <Button type="submit" pending={accept.isPending}>
                {accept.isPending ? 'Adding…' : 'Add to the plan'}
              </Button>
            </form>
          </Details>
        </>
      )}
      {error && (
        <p className="nhsuk-error-message" role="alert">
          <span className="nhsuk-u-visually-hidden">Error:</span> {describeError(error)}
        </p>
      )}
    </li>
  );
}
