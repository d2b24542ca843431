import type { NextFunction, Request, Response } from 'express';
import type { ApiError } from '@ccc/contracts';
import { clientErrorBody, sendProblem } from './errors';

/** Deeper than any request the API takes (a template is about eight levels); deeper still is an attack or a bug. */
export const MAX_JSON_DEPTH = 64;

/**
 * The body parsers' refusals (unparsable, not an object or array, too large, unsupported encoding) answered here,
 * at once, in the shared error shape. Passed on, they would meet the SPA's static-file error handler, which turns
 * any error on an /api path into "404 Cannot POST …".
 */
export function bodyReadErrors() {
  return (error: unknown, _req: Request, res: Response, next: NextFunction): void => {
    const body = clientErrorBody(error);
    if (!body) return next(error);
    sendProblem(res, body);
  };
}

function tooDeep(value: unknown, limit: number): boolean {
  // Iterative: a recursive walk is what a deeply nested body would overflow.
  const stack: [unknown, number][] = [[value, 1]];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [node, depth] = next;
    if (node === null || typeof node !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Object.values(node))
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

/** A JSON body nested deeper than `MAX_JSON_DEPTH` is a 400 before validation walks it (recursively). */
export function rejectDeepJson(limit = MAX_JSON_DEPTH) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.body === null || typeof req.body !== 'object' || !tooDeep(req.body, limit)) return next();
    const body: ApiError = {
      statusCode: 400,
      error: 'Bad request',
      message: `The request body is nested more than ${limit} levels deep`,
    };
    sendProblem(res, body);
  };
}
