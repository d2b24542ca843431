import { useState } from 'react';
import { Button } from '../../../components/button';

/**
 * The same address with the webcal scheme: a calendar app (Apple Calendar, Outlook on Windows, most phones) opens it
 * and offers to subscribe, so one click replaces copying and pasting.
 */
export function webcalUrl(url: string): string {
  return url.replace(/^https?:\/\//, 'webcal://');
}

/** The private address: a subscribe link, selectable text and a copy button that says when it has copied. */
export function FeedUrl({ url }: { url: string }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  }

  return (
    <div className="nhsuk-form-group">
      <p>
        <a className="nhsuk-button nhsuk-u-margin-bottom-2" href={webcalUrl(url)}>
          Subscribe in your calendar app
        </a>
      </p>
      <p className="nhsuk-body-s">
        If nothing opens, or you use Outlook on the web (NHSmail) or Google Calendar, copy the link below and add it as
        described under “Add it to your calendar”.
      </p>
      <label className="nhsuk-label nhsuk-label--s" htmlFor="calendar-feed-url">
        Your calendar link
      </label>
      <div className="nhsuk-hint" id="calendar-feed-url-hint">
        Anyone with this link can see your sessions, so do not share it. It is shown here whenever you come back.
      </div>
      <div className="app-copy-row">
        <input
          className="nhsuk-input nhsuk-input--code"
          id="calendar-feed-url"
          type="text"
          readOnly
          value={url}
          aria-describedby="calendar-feed-url-hint"
          onFocus={(event) => event.currentTarget.select()}
        />
        <Button variant="secondary" onClick={() => void copy()}>
          Copy link
        </Button>
      </div>
      <p role="status">
        {copied === 'yes' && 'Link copied.'}
        {copied === 'no' && 'The link could not be copied. Select it and copy it yourself.'}
      </p>
    </div>
  );
}
