import type { TnaRoundView, TnaSignature } from '@ccc/contracts';
import { Button } from '../../../../components/button';
import { SummaryList, SummaryRow } from '../../../../components/summary-list';
import { StaleVersionNotice } from '../../../../components/stale-version-notice';
import { describeError } from '../../../../components/error-message';
import { isStaleVersion } from '../../../../lib/api-client';
import { formatDay } from '../../utils/dates';
import { useSignTna } from '../api/sign-tna';

function signatureText(signature: TnaSignature | null): string {
  if (!signature) return 'Not signed yet';
  return `Signed${signature.by ? ` by ${signature.by.fullName}` : ''} on ${formatDay(signature.at)}`;
}

interface TnaSignaturesProps {
  enrolmentId: string;
  round: TnaRoundView;
  onDone: (title: string, detail: string | null) => void;
  onReload: () => void;
}

/** Who has signed the round, and the caller's own signature when they may give it (or why not yet). */
export function TnaSignatures({ enrolmentId, round, onDone, onReload }: TnaSignaturesProps) {
  const sign = useSignTna(enrolmentId, round.round);
  const canSign = round.availableActions.includes('sign');
  return (
    <>
      <SummaryList>
        <SummaryRow label="CCC">{signatureText(round.cccSignature)}</SummaryRow>
        <SummaryRow label="Alliance supervisor">{signatureText(round.supervisorSignature)}</SummaryRow>
      </SummaryList>
      {round.signBlocker && !round.signed && <p>{round.signBlocker}.</p>}
      {canSign && (
        <>
          <p>By signing you agree the ratings and training needs above.</p>
          <Button
            pending={sign.isPending}
            onClick={() =>
              void sign.mutateAsync({ version: round.version }).then(
                () => onDone(`TNA ${round.round} signed`, null),
                () => undefined,
              )
            }
          >
            {sign.isPending ? 'Signing…' : `Sign TNA ${round.round}`}
          </Button>
        </>
      )}
      {sign.isError &&
        (isStaleVersion(sign.error) ? (
          <StaleVersionNotice
            what="TNA"
            onReload={() => {
              sign.reset();
              onReload();
            }}
          />
        ) : (
          <p className="nhsuk-error-message" role="alert">
            <span className="nhsuk-u-visually-hidden">Error:</span> {describeError(sign.error)}
          </p>
        ))}
    </>
  );
}
