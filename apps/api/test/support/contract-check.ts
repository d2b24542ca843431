/**
 * The document tested against reality: every answer a test receives through `TestApp.http()` is checked against
 * the schema its operation documents (a JSON success body against the answer's schema, an error against the
 * shared problem schema). A mismatch is recorded and fails the test that received it (contract-setup.ts), so the
 * whole API suite keeps the document honest.
 */
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { Response } from 'superagent';

interface DocumentedResponse {
  /** Refers to a response written once under `components/responses`. */
  $ref?: string;
  content?: Record<string, { schema?: unknown }>;
}
interface Operation {
  operationId?: string;
  responses?: Record<string, DocumentedResponse>;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown>; responses?: Record<string, DocumentedResponse> };
}

const API_ERROR = { $ref: '#/components/schemas/ApiError' };
const violations: string[] = [];
let checkedAnswers = 0;

/** How many answers have been checked so far (the OpenAPI test proves the hook sees them). */
export function contractCheckedAnswers(): number {
  return checkedAnswers;
}

/** The mismatches seen since the last call (contract-setup.ts fails the test with them). */
export function takeContractViolations(): string[] {
  return violations.splice(0);
}

/** The answer's JSON, also where the test chose to read it as bytes or text (a raw parser, `.buffer()`). */
function jsonBody(response: Response): unknown {
  const body: unknown = response.body;
  if (Buffer.isBuffer(body)) return JSON.parse(body.toString('utf8'));
  if (typeof body === 'string') return JSON.parse(body);
  return body;
}

interface Route {
  method: string;
  pattern: RegExp;
  path: string;
  operation: Operation;
  params: number;
}

export class ContractChecker {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  private readonly routes: Route[];
  private readonly compiled = new Map<unknown, ValidateFunction>();
  private readonly responses: Record<string, DocumentedResponse>;

  constructor(document: OpenApiDocument) {
    addFormats(this.ajv);
    this.responses = document.components?.responses ?? {};
    // Operation schemas refer to `#/components/…`: the components are one schema of their own, `doc`.
    this.ajv.addSchema({ $id: 'doc', components: document.components ?? {} });
    this.routes = Object.entries(document.paths)
      .flatMap(([path, item]) =>
        Object.entries(item).map(([method, operation]) => ({
          method: method.toUpperCase(),
          path,
          operation,
          params: (path.match(/\{/g) ?? []).length,
          pattern: new RegExp(
            `^${path
              .split(/(\{[^}]+\})/)
              .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
              .join('')}$`,
          ),
        })),
      )
      // A fixed path wins over a templated one (`/people/imports/template.csv` before `/people/{personId}`).
      .sort((a, b) => a.params - b.params);
  }

  private validator(schema: unknown): ValidateFunction {
    let validate = this.compiled.get(schema);
    if (!validate) {
      const rooted = JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, '"doc#/components/')) as object;
      validate = this.ajv.compile(rooted);
      this.compiled.set(schema, validate);
    }
    return validate;
  }

  /** Checks one answer; a mismatch is recorded with what was asked and what was wrong. */
  check(method: string, url: string, response: Response): void {
    const path = new URL(url, 'http://localhost').pathname;
    const route = this.routes.find((candidate) => candidate.method === method && candidate.pattern.test(path));
    if (!route) return; // not an API operation (the SPA, the document itself)
    const type = String(response.headers['content-type'] ?? '').split(';')[0];
    if (type !== 'application/json' && type !== 'application/problem+json') return;
    const status = String(response.status);
    const documented = this.resolved(
      route.operation.responses?.[status] ??
        (status.startsWith('2') ? undefined : route.operation.responses?.['default']),
    );
    const where = `${method} ${path} → ${status} (${route.operation.operationId ?? route.path})`;
    checkedAnswers++;
    if (!documented) {
      // Every error answer is the one problem shape, even where the document does not list that status.
      if (!status.startsWith('2')) this.validate(where, API_ERROR, jsonBody(response));
      else violations.push(`${where}: this status is not documented`);
      return;
    }
    const content = documented.content?.[type];
    if (!content?.schema) {
      violations.push(`${where}: the document gives no ${type} schema for this answer`);
      return;
    }
    this.validate(where, content.schema, jsonBody(response));
  }

  /** A response written once under `components/responses` and referred to, looked up. */
  private resolved(response: DocumentedResponse | undefined): DocumentedResponse | undefined {
    const ref = response?.$ref;
    if (!ref) return response;
    return this.responses[ref.replace('#/components/responses/', '')];
  }

  private validate(where: string, schema: unknown, body: unknown): void {
    const validate = this.validator(schema);
    if (validate(body)) return;
    const errors = (validate.errors ?? [])
      .slice(0, 5)
      .map((error) => `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`)
      .join('; ');
    violations.push(`${where}: the answer does not match its documented schema: ${errors}`);
  }
}
