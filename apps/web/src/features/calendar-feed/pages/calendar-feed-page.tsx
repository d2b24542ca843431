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

/** The personal calendar feed: make it, replace it, turn it off; its address is shown once. */
export function CalendarFeedPage() {
  useDocumentTitle('Calendar link');
  const feed = useCalendarFeed();
  const create = useCreateCalendarFeed();
  const remove = useDeleteCalendarFeed();
  const [confirmingOff, setConfirmingOff] = useState(false);
  const [turnedOff, setTurnedOff] = useState(false);
  const newUrl = create.data?.url ?? null;
  const busy = create.isPending || remove.isPending;

  function makeLink() {
    if (busy) return;
    setTurnedOff(false);
    setConfirmingOff(false);
    remove.reset();
    create.mutate();
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
              <Confirmation title="Your calendar link is ready">
                <FeedUrl url={newUrl} />
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
                  {!newUrl && (
                    <p>
                      For your security the link was shown only once. If you have lost it, replace it: the old link will
                      stop working.
                    </p>
                  )}
                  <ButtonGroup>
                    {/* Not the primary action: replacing breaks the link already in the calendar. */}
                    <Button variant="secondary" onClick={makeLink} pending={busy}>
                      {create.isPending ? 'Making a new link…' : 'Replace link'}
                    </Button>
                    {!confirmingOff && (
                      <Button variant="secondary" onClick={() => setConfirmingOff(true)}>
                        Turn off
                      </Button>
                    )}
                  </ButtonGroup>
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
