import { useState } from 'react';
import { Button } from '../../../components/button';
import { ErrorMessage } from '../../../components/error-message';
import { Loading } from '../../../components/loading';
import { Tag } from '../../../components/tag';
import { termsIn } from '../../../utils/glossary';
import { formatDate } from '../../../utils/format';
import { useExpectations } from '../api/get-expectations';
import {
  EXPECTATION_STATE_LABELS,
  EXPECTATION_STATE_TONES,
  PARTIES,
  sessionOutcomesText,
  stateSummary,
} from '../utils/labels';
import { AttestForm } from './attest-form';
import { DutiesList } from './duties-list';

interface ExpectationsChecklistProps {
  enrolmentId: string;
  cccName: string;
  /** The level of each party's heading. */
  headingLevel?: 3 | 4;
  /** An id whose text starts each group's name, where several checklists share a page. */
  labelPrefixId?: string;
}

/**
 * Each party's expectations, grouped CCC / PCN / Alliance: the state in words, the evidence behind it, progress for
 * counts, who ticked it and when; a "Tick as done" form where the caller is the party responsible.
 */
export function ExpectationsChecklist({
  enrolmentId,
  cccName,
  headingLevel = 3,
  labelPrefixId,
}: ExpectationsChecklistProps) {
  const expectations = useExpectations(enrolmentId);
  const [message, setMessage] = useState<string | null>(null);
  const Heading = headingLevel === 3 ? 'h3' : 'h4';

  if (expectations.isPending) return <Loading label="Loading the expectations" />;
  if (expectations.isError) {
    return (
      <ErrorMessage title="The expectations could not be loaded" error={expectations.error}>
        <Button variant="secondary" onClick={() => void expectations.refetch()}>
          Try again
        </Button>
      </ErrorMessage>
    );
  }
  const { results, attestations, canAttest } = expectations.data;
  return (
    <div data-enrolment-id={enrolmentId}>
      <div role="status">
        {message && (
          <div className="nhsuk-inset-text">
            <p>{message}</p>
          </div>
        )}
      </div>
      {PARTIES.map(({ party, title }) => {
        const items = results.filter((r) => r.party === party);
        if (items.length === 0) return null;
        const headingId = `expectations-${enrolmentId}-${party}`;
        return (
          <section
            key={party}
            className="app-section"
            aria-labelledby={labelPrefixId ? `${labelPrefixId} ${headingId}` : headingId}
            data-party={party}
          >
            <Heading id={headingId} className="nhsuk-heading-s">
              {title}
              {party === 'ccc' && `: ${cccName}`}{' '}
              <span className="nhsuk-u-font-weight-normal nhsuk-u-secondary-text-colour">({stateSummary(items)})</span>
            </Heading>
            <ul className="nhsuk-list app-rows">
              {items.map((result) => {
                const attestation = attestations.find((a) => a.expectationKey === result.key);
                const showProgress = result.progress !== null && result.progress.target > 0;
                return (
                  <li
                    key={result.key}
                    className="app-rows__item"
                    data-expectation-key={result.key}
                    data-state={result.state}
                  >
                    <div className="app-item-card__head">
                      <strong>{result.title}</strong>
                      <Tag tone={EXPECTATION_STATE_TONES[result.state]} hiddenPrefix="State: ">
                        {EXPECTATION_STATE_LABELS[result.state]}
                      </Tag>
                    </div>
                    {termsIn(result.title).map((text) => (
                      <p key={text} className="nhsuk-hint">
                        {text}
                      </p>
                    ))}
                    {/* Once ticked, the line below says who and when, in the service's date format. */}
                    {!attestation && (
                      <p className="app-secondary-text">
                        {result.evidence.charAt(0).toUpperCase() + result.evidence.slice(1)}
                      </p>
                    )}
                    {result.sessions && (
                      <p className="app-secondary-text" data-session-outcomes>
                        {sessionOutcomesText(result.sessions)}
                      </p>
                    )}
                    {result.warning && (
                      <p className="app-secondary-text" data-template-warning>
                        <span className="nhsuk-u-visually-hidden">Template warning: </span>
                        {result.warning}
                      </p>
                    )}
                    {showProgress && result.progress && (
                      <progress
                        className="app-progress"
                        value={Math.min(result.progress.done, result.progress.target)}
                        max={result.progress.target}
                        aria-label={`${result.title}: ${result.evidence}`}
                      />
                    )}
                    {attestation && (
                      <p className="app-secondary-text">
                        Ticked as done by {attestation.attestedBy.fullName} on{' '}
                        <time dateTime={attestation.attestedOn}>{formatDate(attestation.attestedOn)}</time>
                        {attestation.note && `: ${attestation.note}`}
                      </p>
                    )}
                    {!attestation && canAttest.includes(result.key) && (
                      <AttestForm
                        enrolmentId={enrolmentId}
                        expectationKey={result.key}
                        title={result.title}
                        onDone={setMessage}
                      />
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
      <DutiesList enrolmentId={enrolmentId} cccName={cccName} headingLevel={headingLevel} onDone={setMessage} />
    </div>
  );
}
