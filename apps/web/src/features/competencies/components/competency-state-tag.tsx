import type { CompetencyState } from '@ccc/programme';
import { Tag } from '../../../components/tag';
import { COMPETENCY_STATE_LABELS, COMPETENCY_STATE_TONES } from '../utils/labels';

export function CompetencyStateTag({ state }: { state: CompetencyState }) {
  return (
    <span data-competency-state={state}>
      <Tag tone={COMPETENCY_STATE_TONES[state]}>{COMPETENCY_STATE_LABELS[state]}</Tag>
    </span>
  );
}
