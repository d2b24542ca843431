import type { TemplateResponse, TemplateValidationResponse } from '@ccc/contracts';
import { useState, type FormEvent } from 'react';
import { Button, ButtonGroup } from '../../../components/button';
import { ErrorSummary, type SummaryError } from '../../../components/error-summary';
import { FormField, fieldClass } from '../../../components/form-field';
import { WarningCallout } from '../../../components/warning-callout';
import { describeError } from '../../../components/error-message';
import { useCreateTemplateVersion } from '../api/create-template-version';
import { useValidateTemplateVersion } from '../api/validate-template-version';
import { definitionText, describePath, parseDefinition } from '../utils/template-json';

const FIELD_ID = 'template-definition';

interface TemplateVersionFormProps {
  template: TemplateResponse;
  /** The version number the next one will have (the newest of this key + 1). */
  nextVersion: number;
  onSaved: (saved: TemplateResponse) => void;
}

/**
 * The next version of a template, edited as JSON. "Check" is a dry run (errors with their paths, and warnings);
 * saving is offered once the check passes for the text as it is, and with warnings only once they are read.
 */
export function TemplateVersionForm({ template, nextVersion, onSaved }: TemplateVersionFormProps) {
  const [text, setText] = useState(() => definitionText(template.definition));
  const [checked, setChecked] = useState<{ text: string; result: TemplateValidationResponse } | null>(null);
  const [acknowledged, setAcknowledged] = useState(false);
  const [problems, setProblems] = useState<SummaryError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const validate = useValidateTemplateVersion(template.id);
  const create = useCreateTemplateVersion(template.id);
  const current = checked && checked.text === text ? checked.result : null;
  const fail = (list: SummaryError[]) => {
    setProblems(list);
    setAttempt((n) => n + 1);
  };

  function check(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (validate.isPending) return;
    const parsed = parseDefinition(text);
    if (!parsed.ok) return fail([{ message: parsed.message, fieldId: FIELD_ID }]);
    const sent = text;
    validate.mutate(
      { definition: parsed.definition },
      {
        onSuccess: (result) => {
          setChecked({ text: sent, result });
          setAcknowledged(false);
          if (result.valid) setProblems([]);
          else
            fail(result.errors.map((e) => ({ message: `${describePath(e.path)}: ${e.message}`, fieldId: FIELD_ID })));
        },
        onError: (error) => fail([{ message: describeError(error) }]),
      },
    );
  }

  function save() {
    const parsed = parseDefinition(text);
    if (!parsed.ok || !current?.valid || create.isPending) return;
    if (current.warnings.length > 0 && !acknowledged) {
      return fail([{ message: 'Confirm you have read the warnings before saving', fieldId: 'template-acknowledge' }]);
    }
    create.mutate(
      { definition: parsed.definition, acknowledgedWarnings: current.warnings.length > 0 ? true : undefined },
      { onSuccess: onSaved, onError: (error) => fail([{ message: describeError(error) }]) },
    );
  }

  const version = current?.wouldBe?.version ?? nextVersion;
  return (
    <form onSubmit={check} noValidate>
      <ErrorSummary id="template-errors" errors={problems} focusKey={attempt} />
      <FormField
        id={FIELD_ID}
        label="Template definition (JSON)"
        hint="Change what you need, then check it. Nothing is saved until you save it as a new version."
        error={problems.some((p) => p.fieldId === FIELD_ID) ? 'Correct the problems listed above' : undefined}
      >
        {(control) => (
          <textarea
            {...control}
            className={fieldClass('nhsuk-textarea app-json', control)}
            rows={24}
            spellCheck={false}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        )}
      </FormField>
      {current?.valid && (
        <div role="status">
          {current.warnings.length === 0 ? (
            <p className="nhsuk-body">
              <strong>The definition is valid</strong> and has no warnings. It will be saved as version {version}.
            </p>
          ) : (
            <WarningCallout heading={`The definition is valid, with ${current.warnings.length} warnings`}>
              <ul>
                {current.warnings.map((warning) => (
                  <li key={warning}>{warning}</li>
                ))}
              </ul>
            </WarningCallout>
          )}
        </div>
      )}
      {current?.valid && current.warnings.length > 0 && (
        <div className="nhsuk-form-group">
          <div className="nhsuk-checkboxes">
            <div className="nhsuk-checkboxes__item">
              <input
                className="nhsuk-checkboxes__input"
                id="template-acknowledge"
                type="checkbox"
                checked={acknowledged}
                onChange={(event) => setAcknowledged(event.target.checked)}
              />
              <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="template-acknowledge">
                I have read the warnings and want to save this version
              </label>
            </div>
          </div>
        </div>
      )}
      <ButtonGroup>
        <Button type="submit" variant="secondary" pending={validate.isPending}>
          {validate.isPending ? 'Checking…' : 'Check'}
        </Button>
        {current?.valid && (
          <Button onClick={save} pending={create.isPending}>
            {create.isPending ? 'Saving…' : `Save as version ${version}`}
          </Button>
        )}
      </ButtonGroup>
    </form>
  );
}
