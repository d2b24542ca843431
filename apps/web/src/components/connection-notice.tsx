import type { ConnectionState } from '../lib/connection';

const MESSAGES = {
  offline: {
    title: 'You are offline',
    text: 'Check your internet connection. This page carries on by itself when you are back online.',
  },
  unreachable: {
    title: 'The service cannot be reached at the moment',
    text: 'It may be restarting. This page tries again by itself and carries on as soon as the service answers.',
  },
} as const;

/**
 * A banner while the browser is offline or the API does not answer. The live region is always on the page, so that
 * screen readers announce the message when it appears.
 */
export function ConnectionNotice({ state }: { state: ConnectionState }) {
  const message = state === 'online' ? null : MESSAGES[state];
  return (
    <div role="status">
      {message && (
        <div className="nhsuk-notification-banner app-connection-banner" data-connection={state}>
          <div className="nhsuk-notification-banner__header">
            <p className="nhsuk-notification-banner__title">Connection</p>
          </div>
          <div className="nhsuk-notification-banner__content">
            <p className="nhsuk-notification-banner__heading">{message.title}</p>
            <p className="nhsuk-body">{message.text}</p>
          </div>
        </div>
      )}
    </div>
  );
}
