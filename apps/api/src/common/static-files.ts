import type { NextFunction, Request, Response } from 'express';
import compression from 'compression';

/** A file name Vite gave a content hash (`index-B9xQ2mZk.js`): its content never changes under that name. */
const HASHED = /[\\/]assets[\\/][^\\/]+-[\w-]{8,}\.\w+$/;

/**
 * Cache-Control for the SPA's files: hashed assets for a year and never revalidated; everything else (index.html,
 * also served for every client-side route) revalidated each time, so a release is picked up at once.
 */
export function spaCacheHeaders(res: Response, filePath: string): void {
  res.setHeader('Cache-Control', HASHED.test(filePath) ? 'public, max-age=31536000, immutable' : 'no-cache');
}

/** Source maps are not published, should a build leave any in the SPA's folder. */
export function noSourceMaps() {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.path.startsWith('/api/') || !/\.map$/i.test(req.path)) return next();
    res.status(404).type('text/plain').send('Not found');
  };
}

/**
 * gzip or brotli for compressible answers (JSON, JS, CSS, SVG, HTML, CSV) over 1 KB. Never an event stream, which
 * would be held back in the compressor's buffer.
 */
export function compressAnswers() {
  return compression({
    filter: (req, res) => {
      const type = String(res.getHeader('Content-Type') ?? '');
      if (type.startsWith('text/event-stream')) return false;
      return compression.filter(req, res);
    },
  });
}
