import { useState } from 'react';
import { Confirmation } from '../../../components/confirmation';
import { ErrorMessage, describeError } from '../../../components/error-message';
import { Loading } from '../../../components/loading';
import { formatDateTime } from '../../../utils/format';
import { useDocumentTitle } from '../../../utils/use-document-title';
import { useCreateCalendarFeed } from '../api/create-calendar-feed';
import { useDeleteCalendarFeed } from '../api/delete-calendar-feed';
import { useCalendarFeed } from '../api/get-calendar-feed';
import { FeedUrl } from '../components/feed-url';

function Instructions() {
  return (
    <section aria-labelledby="how-heading" className="section">
      <h2 id="how-heading">Add it to your calendar</h2>
      <h3>Outlook</h3>
      <ol className="steps">
        <li>Open your calendar in Outlook on the web or the new Outlook.</li>
        <li>
          Select <strong>Add calendar</strong>, then <strong>Subscribe from web</strong> (also called{' '}
          <strong>Add calendar from URL</strong>).
        </li>
        <li>Paste your calendar link, give the calendar a name such as “CCC Programme”, and select Import.</li>
      </ol>
      <h3>Google Calendar</h3>
      <ol className="steps">
        <li>On a computer, open Google Calendar.</li>
        <li>
          Next to <strong>Other calendars</strong>, select <strong>+</strong>, then <strong>From URL</strong>.
        </li>
        <li>
          Paste your calendar link and select <strong>Add calendar</strong>.
        </li>
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
    <div className="narrow-page narrow-page--wide">
      <h1>Calendar link</h1>
      <p className="lead">
        See your sessions in Outlook, Google Calendar or your phone’s calendar, kept up to date as they are booked,
        moved or cancelled.
      </p>

      {feed.isPending ? (
        <Loading label="Checking your calendar link" />
      ) : feed.isError ? (
        <ErrorMessage title="Your calendar link could not be checked" error={feed.error}>
          <button className="button button--secondary" type="button" onClick={() => void feed.refetch()}>
            Try again
          </button>
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

          <section aria-labelledby="status-heading" className="section">
            <h2 id="status-heading">Status</h2>
            {feed.data.active ? (
              <>
                <p>
                  <strong className="badge badge--success">On</strong>{' '}
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
                <div className="button-group">
                  <button className="button" type="button" onClick={makeLink} aria-disabled={busy || undefined}>
                    {create.isPending ? 'Making a new link…' : 'Replace link'}
                  </button>
                  {!confirmingOff && (
                    <button className="button button--secondary" type="button" onClick={() => setConfirmingOff(true)}>
                      Turn off
                    </button>
                  )}
                </div>
                {confirmingOff && (
                  <div className="warning-callout" role="group" aria-labelledby="turn-off-title">
                    <h3 className="warning-callout__title" id="turn-off-title">
                      Turn off your calendar link?
                    </h3>
                    <p>The link will stop working at once, and your calendar app will stop showing your sessions.</p>
                    <div className="button-group">
                      <button
                        className="button button--warning"
                        type="button"
                        onClick={turnOff}
                        aria-disabled={busy || undefined}
                      >
                        {remove.isPending ? 'Turning off…' : 'Yes, turn it off'}
                      </button>
                      <button
                        className="button button--secondary"
                        type="button"
                        onClick={() => setConfirmingOff(false)}
                      >
                        Keep it
                      </button>
                    </div>
                    {remove.isError && <p className="field-error">{describeError(remove.error)}</p>}
                  </div>
                )}
              </>
            ) : (
              <>
                <p>
                  <strong className="badge badge--neutral">Off</strong> You do not have a calendar link.
                </p>
                <button className="button" type="button" onClick={makeLink} aria-disabled={busy || undefined}>
                  {create.isPending ? 'Making your link…' : 'Create my calendar link'}
                </button>
              </>
            )}
          </section>
          <Instructions />
        </>
      )}
    </div>
  );
}
