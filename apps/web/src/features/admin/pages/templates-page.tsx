import { Link } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { PageHeading } from '../../../components/page-heading';
import { TableContainer } from '../../../components/table-container';
import { formatDateTime } from '../../../utils/format';
import { useTemplates } from '../api/get-templates';
import { QueryPage } from '../components/query-page';

/** Every version of every programme template, newest first within each template. */
export function TemplatesPage() {
  const templates = useTemplates();
  return (
    <QueryPage title="Programme templates" what="the templates" query={templates}>
      {() => {
        const rows = [...(templates.data ?? [])].sort(
          (a, b) => a.name.localeCompare(b.name) || a.key.localeCompare(b.key) || b.version - a.version,
        );
        return (
          <>
            <PageHeading caption="Programme administration">Programme templates</PageHeading>
            <p>
              A template is the programme as data: its months, sessions, teaching, courses, each party’s expectations,
              the survey and the outcomes counted. A cohort follows one version; a change is saved as the next version.
            </p>
            {rows.length === 0 ? (
              <EmptyState title="No templates yet" />
            ) : (
              <TableContainer captionId="templates-caption">
                <table className="nhsuk-table">
                  <caption className="nhsuk-u-visually-hidden" id="templates-caption">
                    Programme templates
                  </caption>
                  <thead className="nhsuk-table__head">
                    <tr>
                      <th scope="col">Template</th>
                      <th scope="col">Version</th>
                      <th scope="col">Saved</th>
                      <th scope="col">Warnings</th>
                    </tr>
                  </thead>
                  <tbody className="nhsuk-table__body">
                    {rows.map((template) => (
                      <tr key={template.id} className="nhsuk-table__row">
                        <th scope="row" className="nhsuk-table__cell">
                          <Link to={`/admin/templates/${template.id}`}>
                            {template.name}
                            <span className="nhsuk-u-visually-hidden">, version {template.version}</span>
                          </Link>
                        </th>
                        <td className="nhsuk-table__cell">{template.version}</td>
                        <td className="nhsuk-table__cell">{formatDateTime(template.createdAt)}</td>
                        <td className="nhsuk-table__cell">{template.warnings.length}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableContainer>
            )}
          </>
        );
      }}
    </QueryPage>
  );
}
