import { plannedSessions, type ProgrammeTemplate, type Track, TRACKS } from '@ccc/programme';
import { useState } from 'react';
import { ChoiceGroup } from '../../../components/form-field';
import { InsetText } from '../../../components/inset-text';
import { SESSION_KIND_LABELS, SESSION_MODE_LABELS, TRACK_LABELS } from '../../enrolments';

/**
 * The plan as a CCC on a track would see it, month by month, from the form as it is (the same rule the API uses
 * to make a CCC's sessions: plannedSessions). Shown only while the form has no errors.
 */
export function TemplatePlanPreview({ template, valid }: { template: ProgrammeTemplate; valid: boolean }) {
  const [track, setTrack] = useState<Track>('supervision');
  const sessions = valid ? plannedSessions(template, track) : [];
  const months = Array.from({ length: valid ? template.durationMonths : 0 }, (_, i) => i + 1);
  return (
    <section aria-labelledby="template-preview-heading" className="app-section" data-testid="template-preview">
      <h3 id="template-preview-heading">Preview: the plan as a CCC sees it</h3>
      {!valid ? (
        <InsetText>The preview shows once the form has no errors.</InsetText>
      ) : (
        <>
          <ChoiceGroup
            id="template-preview-track"
            name="template-preview-track"
            legend="For a CCC on the"
            options={TRACKS.map((value) => ({ value, label: TRACK_LABELS[value] }))}
            value={track}
            onChange={setTrack}
            inline
            small
          />
          <ol className="nhsuk-list">
            {months.map((month) => {
              const inMonth = sessions.filter((s) => s.month === month);
              return (
                <li key={month}>
                  <h4>Month {month}</h4>
                  {inMonth.length === 0 ? (
                    <p>Nothing planned.</p>
                  ) : (
                    <ul className="nhsuk-list nhsuk-list--bullet">
                      {inMonth.map((s) => (
                        <li key={s.planItemKey}>
                          <strong>{s.title}</strong> ({SESSION_KIND_LABELS[s.kind]},{' '}
                          {s.durationMinutes.min === s.durationMinutes.max
                            ? s.durationMinutes.min
                            : `${s.durationMinutes.min}–${s.durationMinutes.max}`}{' '}
                          minutes, {SESSION_MODE_LABELS[s.mode].toLowerCase()}
                          {s.sharedByCohort ? ', with the cohort' : ''})
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              );
            })}
          </ol>
          {template.selfDirectedCourses.length > 0 && (
            <>
              <h4>Self-directed courses</h4>
              <ul className="nhsuk-list nhsuk-list--bullet">
                {template.selfDirectedCourses.map((c) => (
                  <li key={c.key}>{c.title}</li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
