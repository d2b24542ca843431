import { FormField } from '../../../components/form-field';
import {
  CASELOAD_SORTS,
  CASELOAD_SORT_LABELS,
  CASELOAD_STATES,
  CASELOAD_STATE_LABELS,
  type CaseloadQuery,
  type CaseloadSort,
  type CaseloadState,
} from '../utils/caseload-filters';

interface CaseloadFiltersProps {
  query: CaseloadQuery;
  /** Whether "evidence waiting" can be chosen: only a reviewer has an inbox of evidence. */
  withEvidence: boolean;
  onChange: (patch: Partial<CaseloadQuery>) => void;
}

/** Search, filter and sort: each change applies at once (and goes in the address), so there is no button to find. */
export function CaseloadFilters({ query, withEvidence, onChange }: CaseloadFiltersProps) {
  const states = CASELOAD_STATES.filter((state) => withEvidence || state !== 'evidence');
  return (
    <form role="search" aria-label="Find a CCC" className="app-caseload-filters" onSubmit={(e) => e.preventDefault()}>
      <FormField id="caseload-search" label="Search by name or PCN">
        {(control) => (
          <input
            {...control}
            className="nhsuk-input"
            type="search"
            autoComplete="off"
            spellCheck={false}
            value={query.search}
            onChange={(event) => onChange({ search: event.target.value })}
          />
        )}
      </FormField>
      <FormField id="caseload-state" label="Show">
        {(control) => (
          <select
            {...control}
            className="nhsuk-select"
            value={query.state ?? ''}
            onChange={(event) => onChange({ state: (event.target.value || null) as CaseloadState | null })}
          >
            <option value="">Every CCC</option>
            {states.map((state) => (
              <option key={state} value={state}>
                {CASELOAD_STATE_LABELS[state]}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField id="caseload-sort" label="Sort by">
        {(control) => (
          <select
            {...control}
            className="nhsuk-select"
            value={query.sort}
            onChange={(event) => onChange({ sort: event.target.value as CaseloadSort })}
          >
            {CASELOAD_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {CASELOAD_SORT_LABELS[sort]}
              </option>
            ))}
          </select>
        )}
      </FormField>
    </form>
  );
}
