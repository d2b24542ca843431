import { useState } from 'react';

/** The private address, shown once: selectable text and a copy button that says when it has copied. */
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
    <div className="feed-url">
      <label className="label" htmlFor="calendar-feed-url">
        Your calendar link
      </label>
      <div className="hint" id="calendar-feed-url-hint">
        Copy it now: for your security it will not be shown again. Anyone with this link can see your sessions, so do
        not share it.
      </div>
      <div className="feed-url__row">
        <input
          className="input input--wide"
          id="calendar-feed-url"
          type="text"
          readOnly
          value={url}
          aria-describedby="calendar-feed-url-hint"
          onFocus={(event) => event.currentTarget.select()}
        />
        <button className="button button--secondary" type="button" onClick={() => void copy()}>
          Copy link
        </button>
      </div>
      <p className="feed-url__status" role="status">
        {copied === 'yes' && 'Link copied.'}
        {copied === 'no' && 'The link could not be copied. Select it and copy it yourself.'}
      </p>
    </div>
  );
}
