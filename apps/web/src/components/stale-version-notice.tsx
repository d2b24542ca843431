import { Button } from './button';

interface StaleVersionNoticeProps {
  what?: string;
  message?: string;
  onReload: () => void;
}

/** A 409 for a stale version: someone else changed the record; the person reloads it and tries again. */
export function StaleVersionNotice({ what = 'session', message, onReload }: StaleVersionNoticeProps) {
  const title = `This ${what} was changed by someone else`;
  return (
    <div className="nhsuk-error-summary" role="alert">
      <h2 className="nhsuk-error-summary__title">{title}</h2>
      <div className="nhsuk-error-summary__body">
        <p>
          Reload it to see the changes, then try again.
          {message && !/changed by someone else/i.test(message) && <span> The service said: {message}</span>}
        </p>
        <Button variant="secondary" onClick={onReload}>
          Reload
        </Button>
      </div>
    </div>
  );
}
