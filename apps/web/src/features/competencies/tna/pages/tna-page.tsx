import { draftKeys, type TnaResponse, type TnaRoundView } from '@ccc/contracts';
import { useState } from 'react';
import { useParams } from 'react-router';
import { BackLink } from '../../../../components/back-link';
import { Button } from '../../../../components/button';
import { Confirmation } from '../../../../components/confirmation';
import { ErrorMessage } from '../../../../components/error-message';
import { Loading } from '../../../../components/loading';
import { PageHeading } from '../../../../components/page-heading';
import { Tag } from '../../../../components/tag';
import { WarningCallout } from '../../../../components/warning-callout';
import { isApiClientError } from '../../../../lib/api-client';
import { useDocumentTitle } from '../../../../utils/use-document-title';
import { useMe } from '../../../auth';
import { useCompetencyGrid } from '../../api/get-competency-grid';
import { ScaleDetails } from '../../components/scale-details';
import { DraftGate } from '../../drafts/draft-gate';
import { useTna } from '../api/get-tna';
import { TnaRatingsForm } from '../components/tna-ratings-form';
import { TnaSignatures } from '../components/tna-signatures';
import { TnaTable } from '../components/tna-table';
import { GLOSSARY } from '../../../../utils/glossary';

interface Done {
  title: string;
  detail: string | null;
  key: number;
}

function roundTitle(round: number): string {
  return round === 1 ? 'TNA 1' : `TNA ${round}: reviewing TNA ${round - 1}`;
}

function RoundState({ round }: { round: TnaRoundView }) {
  if (round.signed) return <Tag tone="success">Signed by both</Tag>;
  if (round.cccSignature || round.supervisorSignature) return <Tag tone="warning">Signed by one side</Tag>;
  if (round.version > 0) return <Tag tone="info">In progress</Tag>;
  return <Tag tone="neutral">Not started</Tag>;
}

interface RoundSectionProps {
  tna: TnaResponse;
  round: TnaRoundView;
  personId: string;
  onDone: (title: string, detail: string | null) => void;
  onReload: () => void;
}

function RoundSection({ tna, round, personId, onDone, onReload }: RoundSectionProps) {
  const side = round.availableActions.includes('rate_self')
    ? 'self'
    : round.availableActions.includes('agree_ratings')
      ? 'agreed'
      : null;
  const headingId = `tna-round-${round.round}-heading`;
  const draftKey =
    side === 'self'
      ? draftKeys.tnaSelf(tna.enrolmentId, round.round)
      : draftKeys.tnaAgreed(tna.enrolmentId, round.round);
  return (
    <section aria-labelledby={headingId} className="app-section" data-tna-round={round.round}>
      <h2 id={headingId}>{roundTitle(round.round)}</h2>
      <p>
        <RoundState round={round} />
      </p>
      <TnaSignatures enrolmentId={tna.enrolmentId} round={round} onDone={onDone} onReload={onReload} />
      {side ? (
        <>
          <h3>{side === 'self' ? 'Rate yourself' : 'Agree ratings and training needs'}</h3>
          <p>
            {side === 'self'
              ? 'Rate yourself against each competency on the scale. Your Alliance supervisor then agrees a rating and your training needs with you.'
              : 'The CCC’s own rating is shown with each competency. Agree a rating and the training needs; the training plan comes from these.'}
          </p>
          {(round.cccSignature || round.supervisorSignature) && (
            <WarningCallout heading="Changing a rating clears the signatures">
              <p>Both of you then need to sign this TNA again.</p>
            </WarningCallout>
          )}
          <DraftGate key={draftKey} draftKey={draftKey} personId={personId}>
            {(starting) => (
              <TnaRatingsForm
                tna={tna}
                round={round}
                side={side}
                draftKey={draftKey}
                personId={personId}
                starting={starting}
                onDone={onDone}
                onReload={onReload}
              />
            )}
          </DraftGate>
        </>
      ) : (
        <TnaTable tna={tna} round={round} />
      )}
    </section>
  );
}

/**
 * The training needs analysis: the CCC rates themself, the Alliance supervisor agrees ratings and needs, both
 * sign; the PCN supervisor reads it. The second round reviews the first once that is signed by both.
 */
export function TnaPage() {
  const { enrolmentId = '' } = useParams();
  const tna = useTna(enrolmentId);
  const me = useMe();
  // For the CCC's name: usually in the cache already, from the competencies page.
  const grid = useCompetencyGrid(enrolmentId);
  const [done, setDone] = useState<Done | null>(null);
  const errorStatus = tna.isError && isApiClientError(tna.error) ? tna.error.status : 0;
  const errorTitle =
    errorStatus === 404
      ? 'Training needs analysis not found'
      : errorStatus === 403
        ? 'You cannot see this training needs analysis'
        : 'The training needs analysis could not be loaded';
  useDocumentTitle(tna.isError ? errorTitle : 'Training needs analysis');
  const backLink = <BackLink to={`/enrolments/${enrolmentId}/competencies`}>Back to the competencies</BackLink>;

  if (tna.isPending || me.isPending) {
    return (
      <>
        {backLink}
        <h1>Training needs analysis</h1>
        <Loading label="Loading the training needs analysis" />
      </>
    );
  }
  if (tna.isError || me.isError) {
    return (
      <>
        {backLink}
        <h1>{tna.isError ? errorTitle : 'Your details could not be loaded'}</h1>
        <ErrorMessage title="There is a problem" error={tna.error ?? me.error}>
          {errorStatus !== 403 && errorStatus !== 404 && (
            <Button
              variant="secondary"
              onClick={() => {
                void tna.refetch();
                void me.refetch();
              }}
            >
              Try again
            </Button>
          )}
        </ErrorMessage>
      </>
    );
  }

  const view = tna.data;
  const finish = (title: string, detail: string | null) => setDone({ title, detail, key: Date.now() });
  return (
    <>
      {backLink}
      {done && (
        <Confirmation key={done.key} title={done.title}>
          {done.detail && <p>{done.detail}</p>}
        </Confirmation>
      )}
      <PageHeading caption={grid.data?.ccc.fullName ?? view.framework.name}>Training needs analysis</PageHeading>
      <p className="nhsuk-hint">{GLOSSARY.TNA}</p>
      <p>
        Against {view.framework.name}, version {view.framework.version}.
      </p>
      <ScaleDetails scale={view.scale} />
      {view.rounds.map((round) => (
        <RoundSection
          key={round.round}
          tna={view}
          round={round}
          personId={me.data.id}
          onDone={finish}
          onReload={() => void tna.refetch()}
        />
      ))}
    </>
  );
}
