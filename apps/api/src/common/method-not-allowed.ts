import { METHODS } from 'node:http';
import type { Request } from 'express';

interface Route {
  path?: unknown;
  methods?: Record<string, boolean>;
}

interface RouteLayer {
  matchers?: ((path: string) => unknown)[];
  route?: Route;
}

/** The methods of an API endpoint; null for anything else (the SPA's catch-all, module middleware). */
function endpointMethods(route: Route | undefined): string[] | null {
  if (!route || typeof route.path !== 'string' || !route.path.startsWith('/api/')) return null;
  const taken = Object.entries(route.methods ?? {})
    .filter(([method, on]) => on && method !== '_all')
    .map(([method]) => method.toUpperCase());
  // Taking every method, it is module middleware (Nest registers it with `all`), not an endpoint.
  return route.methods?._all || taken.length >= METHODS.length ? null : taken;
}

/**
 * For a request that no API endpoint took, the methods the endpoints on its path take: non-empty means the path
 * exists and the method is wrong (405 with `Allow`); empty, that it does not exist (404).
 */
export function allowedMethods(req: Request): string[] {
  if (endpointMethods(req.route as Route | undefined)) return [];
  const stack = (req.app as unknown as { router?: { stack?: RouteLayer[] } }).router?.stack ?? [];
  const allowed = new Set<string>();
  for (const layer of stack) {
    const methods = endpointMethods(layer.route);
    if (!methods || !layer.matchers?.some((match) => match(req.path))) continue;
    for (const method of methods) allowed.add(method);
  }
  if (allowed.has('GET')) allowed.add('HEAD');
  return [...allowed].sort();
}
