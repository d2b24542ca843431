import { Button } from '../../../components/button';
import { ErrorMessage } from '../../../components/error-message';
import { Loading } from '../../../components/loading';
import { Tag } from '../../../components/tag';
import { formatDate } from '../../../utils/format';
import { GLOSSARY } from '../../../utils/glossary';
import { useDuties } from '../api/get-duties';
import { AttestForm } from './attest-form';

interface DutiesListProps {
  enrolmentId: string;
  cccName: string;
  headingLevel: 3 | 4;
  onDone: (message: string) => void;
}

const PARTY_TITLES = { pcn: 'The PCN’s duties', alliance: 'The Alliance’s duties' } as const;

/**
 * The duties each party took on for the CCC (the offer's "Table 2": induction, mandatory and IT training, clinical
 * supervision, follow-on supervision, the 1-year appraisal; the Alliance's own), each confirmed on its own by its
 * party, never before it can be true.
 */
export function DutiesList({ enrolmentId, cccName, headingLevel, onDone }: DutiesListProps) {
  const duties = useDuties(enrolmentId);
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  if (duties.isPending) return <Loading label="Loading the duties" />;
  if (duties.isError)
    return (
      <ErrorMessage title="The duties could not be loaded" error={duties.error}>
        <Button variant="secondary" onClick={() => void duties.refetch()}>
          Try again
        </Button>
      </ErrorMessage>
    );
  if (duties.data.duties.length === 0) return null;
  return (
    <>
      {(['pcn', 'alliance'] as const).map((party) => {
        const items = duties.data.duties.filter((d) => d.party === party);
        if (items.length === 0) return null;
        const headingId = `duties-${enrolmentId}-${party}`;
        return (
          <section key={party} className="app-section" aria-labelledby={headingId} data-duties={party}>
            <Heading id={headingId} className="nhsuk-heading-s">
              {PARTY_TITLES[party]} to {cccName}
            </Heading>
            <p className="nhsuk-hint">{party === 'pcn' ? GLOSSARY.pcnDuties : GLOSSARY.allianceDuties}</p>
            <ul className="nhsuk-list app-rows">
              {items.map((duty) => (
                <li key={duty.key} className="app-rows__item" data-duty-key={duty.key}>
                  <div className="app-item-card__head">
                    <strong>{duty.title}</strong>
                    <Tag tone={duty.attestation ? 'success' : 'neutral'} hiddenPrefix="State: ">
                      {duty.attestation ? 'Confirmed' : 'Not confirmed yet'}
                    </Tag>
                  </div>
                  {duty.attestation ? (
                    <p className="app-secondary-text">
                      Ticked as done by {duty.attestation.attestedBy.fullName} on{' '}
                      <time dateTime={duty.attestation.attestedOn}>{formatDate(duty.attestation.attestedOn)}</time>
                      {duty.attestation.note && `: ${duty.attestation.note}`}
                    </p>
                  ) : (
                    duty.attestableFrom && (
                      <p className="app-secondary-text">
                        Can be confirmed from{' '}
                        <time dateTime={duty.attestableFrom}>{formatDate(duty.attestableFrom)}</time>
                      </p>
                    )
                  )}
                  {duty.canAttest && (
                    <AttestForm
                      enrolmentId={enrolmentId}
                      expectationKey={duty.key}
                      title={duty.title}
                      duty
                      onDone={onDone}
                    />
                  )}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
