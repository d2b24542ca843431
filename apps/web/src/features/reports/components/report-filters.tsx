import type { CohortReportQuery, CohortResponse, OrganisationView } from '@ccc/contracts';
import { Form } from 'react-router';
import { Button } from '../../../components/button';

interface ReportFiltersProps {
  query: CohortReportQuery;
  cohorts: CohortResponse[];
  pcns: OrganisationView[];
}

/**
 * The filters as a GET form: the choice is kept in the address, so a filtered report can be bookmarked and shared,
 * and Back returns to the last one.
 */
export function ReportFilters({ query, cohorts, pcns }: ReportFiltersProps) {
  // Keyed on the query, so that Back puts the fields back as they were for that report.
  return (
    <Form method="get" className="app-report-filters" key={JSON.stringify(query)} aria-labelledby="filters-heading">
      <h2 id="filters-heading" className="nhsuk-heading-s">
        Filter the report
      </h2>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-one-half">
          <div className="nhsuk-form-group">
            <label className="nhsuk-label" htmlFor="filter-cohort">
              Cohort
            </label>
            <select className="nhsuk-select" id="filter-cohort" name="cohortId" defaultValue={query.cohortId ?? ''}>
              <option value="">All cohorts</option>
              {cohorts.map((cohort) => (
                <option key={cohort.id} value={cohort.id}>
                  {cohort.name}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="nhsuk-grid-column-one-half">
          <div className="nhsuk-form-group">
            <label className="nhsuk-label" htmlFor="filter-pcn">
              PCN
            </label>
            <select className="nhsuk-select" id="filter-pcn" name="pcnId" defaultValue={query.pcnId ?? ''}>
              <option value="">All PCNs</option>
              {pcns.map((pcn) => (
                <option key={pcn.id} value={pcn.id}>
                  {pcn.name}
                </option>
              ))}
            </select>
          </div>
        </div>
      </div>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-one-half">
          <div className="nhsuk-form-group">
            <label className="nhsuk-label" htmlFor="filter-from">
              Cohorts starting from
            </label>
            <input
              className="nhsuk-input nhsuk-input--width-10"
              id="filter-from"
              name="from"
              type="date"
              defaultValue={query.from ?? ''}
            />
          </div>
        </div>
        <div className="nhsuk-grid-column-one-half">
          <div className="nhsuk-form-group">
            <label className="nhsuk-label" htmlFor="filter-to">
              Cohorts starting up to
            </label>
            <input
              className="nhsuk-input nhsuk-input--width-10"
              id="filter-to"
              name="to"
              type="date"
              defaultValue={query.to ?? ''}
            />
          </div>
        </div>
      </div>
      <Button type="submit" variant="secondary">
        Show report
      </Button>
    </Form>
  );
}
