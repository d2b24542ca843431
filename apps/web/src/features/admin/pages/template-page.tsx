import { can } from '@ccc/contracts';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { BackLink } from '../../../components/back-link';
import { Confirmation } from '../../../components/confirmation';
import { Details } from '../../../components/details';
import { PageHeading } from '../../../components/page-heading';
import { SummaryList, SummaryRow } from '../../../components/summary-list';
import { WarningCallout } from '../../../components/warning-callout';
import { formatDateTime } from '../../../utils/format';
import { useMe } from '../../auth';
import { useTemplate } from '../api/get-template';
import { useTemplates } from '../api/get-templates';
import { QueryPage } from '../components/query-page';
import { TemplateEditor } from '../components/template-editor';
import { definitionText } from '../utils/template-json';

/** One template version: what it holds, its warnings, its JSON, and (for administrators) its next version. */
export function TemplatePage() {
  const { templateId = '' } = useParams();
  const template = useTemplate(templateId);
  const templates = useTemplates();
  const me = useMe();
  const navigate = useNavigate();
  const [saved, setSaved] = useState<string | null>(null);
  const mayEdit = can(me.data?.roles.map(({ role }) => role) ?? [], 'template:edit');
  const backLink = <BackLink to="/admin/templates">Back to the templates</BackLink>;
  const name = template.data ? `${template.data.name}, version ${template.data.version}` : 'Programme template';

  return (
    <QueryPage title={name} what="the template" query={template} before={backLink}>
      {() => {
        const view = template.data!;
        const latest = Math.max(
          view.version,
          ...(templates.data ?? []).filter((t) => t.key === view.key).map((t) => t.version),
        );
        return (
          <>
            {backLink}
            {saved && <Confirmation title={saved} />}
            <PageHeading caption="Programme template">{name}</PageHeading>
            <SummaryList>
              <SummaryRow label="Key">{view.key}</SummaryRow>
              <SummaryRow label="Months">{view.definition.durationMonths}</SummaryRow>
              <SummaryRow label="Saved">{formatDateTime(view.createdAt)}</SummaryRow>
              <SummaryRow label="Newest version">{latest}</SummaryRow>
            </SummaryList>
            {view.warnings.length > 0 && (
              <WarningCallout heading={`${view.warnings.length} warnings on this version`} headingLevel={2}>
                <ul>
                  {view.warnings.map((warning) => (
                    <li key={warning}>{warning}</li>
                  ))}
                </ul>
              </WarningCallout>
            )}
            <section aria-labelledby="definition-heading" className="app-section">
              <h2 id="definition-heading">Definition</h2>
              <Details summary="Show the definition as JSON">
                <pre className="app-json" tabIndex={0} aria-label="The definition as JSON">
                  {definitionText(view.definition)}
                </pre>
              </Details>
            </section>
            {mayEdit && (
              <section aria-labelledby="next-version-heading" className="app-section">
                <h2 id="next-version-heading">Create version {latest + 1}</h2>
                <p>
                  Starts from this version. Saved, it is a new version for cohorts created from now on: cohorts already
                  made, running or not, keep the version they follow, and no CCC&rsquo;s sessions change.
                </p>
                <TemplateEditor
                  key={view.id}
                  template={view}
                  nextVersion={latest + 1}
                  onSaved={(next) => {
                    setSaved(`Saved as version ${next.version}`);
                    void navigate(`/admin/templates/${next.id}`);
                  }}
                />
              </section>
            )}
          </>
        );
      }}
    </QueryPage>
  );
}
