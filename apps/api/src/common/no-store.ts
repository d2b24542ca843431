import type { NextFunction, Request, Response } from 'express';

/**
 * `Cache-Control: no-store` on every answer under /api, set before anything else runs: JSON, files streamed back
 * (evidence, subject-access ZIP, record PDF, report and national exports, .ics), errors and 404s alike. Almost all
 * of them carry personal data, and a shared or back-button cache must keep none of it. The few open answers
 * (health, privacy notices, token-addressed calendar feeds and links) get it too: they are cheap to serve, a feed
 * is as personal as the timeline, and a notice must not be read stale after the administrator changes it. A route
 * that is ever meant to be cached says so itself, by setting its own header. The SPA's static files are not
 * under /api and keep their own caching.
 */
export function noStoreForApi() {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.path === '/api' || req.path.startsWith('/api/')) res.setHeader('Cache-Control', 'no-store');
    next();
  };
}
