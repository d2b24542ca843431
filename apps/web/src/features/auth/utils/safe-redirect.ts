/** Only paths inside the app, so a crafted link cannot send someone elsewhere after signing in. */
export function safeRedirect(target: unknown): string {
  if (typeof target !== 'string' || !target.startsWith('/')) return '/';
  // "//host" and "/\host" are protocol-relative in browsers.
  if (target.startsWith('//') || target.startsWith('/\\')) return '/';
  if (target === '/sign-in' || target.startsWith('/sign-in?') || target.startsWith('/sign-in/')) return '/';
  return target;
}
