import { useState } from 'react';
import { Button, ButtonGroup } from '../../../components/button';
import { Confirmation } from '../../../components/confirmation';
import { ErrorMessage, describeError } from '../../../components/error-message';
import { Loading } from '../../../components/loading';
import { Tag } from '../../../components/tag';
import { WarningCallout } from '../../../components/warning-callout';
import { formatDateTime } from '../../../utils/format';
import { useDocumentTitle } from '../../../utils/use-document-title';
import { useCreateCalendarFeed } from '../api/create-calendar-feed';
import { useDeleteCalendarFeed } from '../api/delete-calendar-feed';
import { useCalendarFeed } from '../api/get-calendar-feed';
import { FeedUrl } from '../components/feed-url';

function Instructions() {
  return (
    <section aria-labelledby="how-heading" className="app-section">
      <h2 id="how-heading">Add it to your calendar</h2>
      <p>
        On a phone, a Mac or Outlook on Windows, <strong>Subscribe in your calendar app</strong> opens your calendar and
        asks to add it. Otherwise:
      </p>
      <h3>Outlook (NHSmail)</h3>
      <ol>
        <li>Open your calendar in Outlook on the web (NHSmail) or the new Outlook.</li>
        <li>
          Select <strong>Add calendar</strong>, then <strong>Subscribe from web</strong> (also called{' '}
          <strong>Add calendar from URL</strong>).
        </li>
        <li>Paste your calendar link, give the calendar a name such as “CCC Programme”, and select Import.</li>
      </ol>
      <h3>Google Calendar</h3>
      <ol>
        <li>On a computer, open Google Calendar.</li>
        <li>
          Next to <strong>Other calendars</strong>, select <strong>+</strong>, then <strong>From URL</strong>.
        </li>
        <li>
          Paste your calendar link and select <strong>Add calendar</strong>.
        </li>
      </ol>
      <h3>Apple Calendar (iPhone, iPad or Mac)</h3>
      <ol>
        <li>
          On an iPhone or iPad, open <strong>Settings</strong>, then <strong>Calendar</strong>,{' '}
          <strong>Accounts</strong>, <strong>Add Account</strong>, <strong>Other</strong>,{' '}
          <strong>Add Subscribed Calendar</strong>. On a Mac, in Calendar select <strong>File</strong>, then{' '}
          <strong>New Calendar Subscription</strong>.
        </li>
        <li>Paste your calendar link and select Next (or Subscribe).</li>
      </ol>
      <p>
        Your calendar app checks the link every few hours, so a new or changed session can take a while to appear.
        Sessions stay in the app’s own calendar: changing them there does not change them here.
      </p>
    </section>
  );
}

/** The personal calendar feed: make it, see it again, replace it (after a warning), turn it off. */
export function CalendarFeedPage() {
  useDocumentTitle('Calendar link');
  const feed = useCalendarFeed();
  const create = useCreateCalendarFeed();
  const remove = useDeleteCalendarFeed();
  const [confirmingOff, setConfirmingOff] = useState(false);
  const [confirmingReplace, setConfirmingReplace] = useState(false);
  const [turnedOff, setTurnedOff] = useState(false);
  const newUrl = create.data?.url ?? null;
  // Whether the link just made took the place of one (the button said "Yes, replace it"), for the confirmation's words.
  const [feedWasReplaced, setFeedWasReplaced] = useState(false);
  const busy = create.isPending || remove.isPending;

  function makeLink() {
    if (busy) return;
    setTurnedOff(false);
    setConfirmingOff(false);
    remove.reset();
    setFeedWasReplaced(!!feed.data?.active);
    create.mutate(undefined, { onSuccess: () => setConfirmingReplace(false) });
  }

  function turnOff() {
    if (busy) return;
    create.reset();
    remove.mutate(undefined, {
      onSuccess: () => {
        setConfirmingOff(false);
        setTurnedOff(true);
      },
    });
  }

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Calendar link</h1>
        <p className="nhsuk-body-l">
          See your sessions in Outlook, Google Calendar or your phone’s calendar, kept up to date as they are booked,
          moved or cancelled.
        </p>

        {feed.isPending ? (
          <Loading label="Checking your calendar link" />
        ) : feed.isError ? (
          <ErrorMessage title="Your calendar link could not be checked" error={feed.error}>
            <Button variant="secondary" onClick={() => void feed.refetch()}>
              Try again
            </Button>
          </ErrorMessage>
        ) : (
          <>
            {(create.isError || remove.isError) && (
              <ErrorMessage title="That did not work" error={create.error ?? remove.error} />
            )}
            {newUrl && (
              <Confirmation title={feedWasReplaced ? 'Your new calendar link is ready' : 'Your calendar link is ready'}>
                {feedWasReplaced && (
                  <p>The old link has stopped working: add this one to your calendar app in its place.</p>
                )}
              </Confirmation>
            )}
            {turnedOff && (
              <Confirmation title="Calendar link turned off">
                <p>The link no longer works. Your calendar app will stop showing your sessions when it next checks.</p>
              </Confirmation>
            )}
            {create.isSuccess && !newUrl && (
              <ErrorMessage
                title="The link was made but not shown"
                error={new Error('The service did not send the link. Replace it to get a new one.')}
              />
            )}

            <section aria-labelledby="status-heading" className="app-section">
              <h2 id="status-heading">Status</h2>
              {feed.data.active ? (
                <>
                  <p>
                    <Tag tone="success">On</Tag>{' '}
                    {feed.data.createdAt
                      ? `Your calendar link was made on ${formatDateTime(feed.data.createdAt)}.`
                      : 'You have a calendar link.'}
                  </p>
                  {feed.data.url ? (
                    <FeedUrl url={feed.data.url} />
                  ) : (
                    <p>
                      This link was made before links were kept to be shown again. To see a link here, replace it: the
                      old link will stop working.
                    </p>
                  )}
                  {!confirmingReplace && !confirmingOff && (
                    <ButtonGroup>
                      {/* Not the primary action: replacing breaks the link already in the calendar. */}
                      <Button variant="secondary" onClick={() => setConfirmingReplace(true)}>
                        Replace link
                      </Button>
                      <Button variant="secondary" onClick={() => setConfirmingOff(true)}>
                        Turn off
                      </Button>
                    </ButtonGroup>
                  )}
                  {confirmingReplace && (
                    <WarningCallout heading="Replace your calendar link?" headingId="replace-title" role="group">
                      <p>
                        The link you have now stops working at once: any calendar app using it stops showing your
                        sessions until you add the new link to it. Replace it only if the link may have been shared.
                      </p>
                      <ButtonGroup>
                        <Button variant="warning" onClick={makeLink} pending={busy}>
                          {create.isPending ? 'Making a new link…' : 'Yes, replace it'}
                        </Button>
                        <Button variant="secondary" onClick={() => setConfirmingReplace(false)}>
                          Keep it
                        </Button>
                      </ButtonGroup>
                    </WarningCallout>
                  )}
                  {confirmingOff && (
                    <WarningCallout heading="Turn off your calendar link?" headingId="turn-off-title" role="group">
                      <p>The link will stop working at once, and your calendar app will stop showing your sessions.</p>
                      <ButtonGroup>
                        <Button variant="warning" onClick={turnOff} pending={busy}>
                          {remove.isPending ? 'Turning off…' : 'Yes, turn it off'}
                        </Button>
                        <Button variant="secondary" onClick={() => setConfirmingOff(false)}>
                          Keep it
                        </Button>
                      </ButtonGroup>
                      {remove.isError && (
                        <p className="nhsuk-error-message" role="alert">
                          <span className="nhsuk-u-visually-hidden">Error:</span> {describeError(remove.error)}
                        </p>
                      )}
                    </WarningCallout>
                  )}
                </>
              ) : (
                <>
                  <p>
                    <Tag tone="neutral">Off</Tag> You do not have a calendar link.
                  </p>
                  <Button onClick={makeLink} pending={busy}>
                    {create.isPending ? 'Making your link…' : 'Create my calendar link'}
                  </Button>
                </>
              )}
            </section>
            <Instructions />
          </>
        )}
      </div>
    </div>
  );
}
