import type { INestApplication, Type } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import type {
  OperationObject,
  ParameterObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { ThrottlerGuard } from '@nestjs/throttler';
// Generated from the controllers' answer types by `npm run api:types` (test/support/answer-schemas.ts).
import answerSchemas from './answer-schemas.json';

/** The media type of every error answer (RFC 9457). */
export const PROBLEM_JSON = 'application/problem+json';

/** The one error shape every refusal leaves as (common/errors.ts `ApiExceptionFilter`, `sendProblem`). */
export const API_ERROR_SCHEMA: SchemaObject = {
  type: 'object',
  description:
    'Every error answer, an RFC 9457 problem. `errors` names each field at fault on a 400; other details a ' +
    'refusal gives (a clash names the other session) may appear beside these fields. `statusCode`, `error` and ' +
    '`message` repeat `status`, `title` and `detail` for clients written before the problem fields.',
  required: ['type', 'title', 'status', 'detail', 'statusCode', 'error', 'message'],
  properties: {
    type: { type: 'string', example: 'about:blank' },
    title: { type: 'string', example: 'Bad request' },
    status: { type: 'integer', example: 400 },
    detail: { type: 'string', example: 'Validation failed' },
    instance: {
      type: 'string',
      description: 'This occurrence: the request id (X-Request-Id) the logs know it by',
      example: 'urn:request:7d0c4a53-2f1e-4a43-9d55-2c1f0e2b8f10',
    },
    statusCode: { type: 'integer', example: 400 },
    error: { type: 'string', example: 'Bad request' },
    message: { type: 'string', example: 'Validation failed' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['field', 'reason'],
        properties: {
          field: { type: 'string', example: 'reason' },
          reason: { type: 'string', example: 'reason must be longer than or equal to 3 characters' },
        },
      },
    },
  },
  additionalProperties: true,
};

const ERROR_REF = { $ref: '#/components/schemas/ApiError' };

/** `components/responses` name of the usual answer of an error status: `Problem404`. */
export const problemName = (code: string) => `Problem${code}`;

function sharedProblem(code: ErrorCode): ResponseObject {
  return { description: ERROR_DESCRIPTIONS[code], content: { [PROBLEM_JSON]: { schema: ERROR_REF } } };
}

/** An error answer that says nothing of its own beyond the usual for its status. */
function isSharedProblem(code: string, answer: ResponseObject): code is ErrorCode {
  return isErrorCode(code) && JSON.stringify(answer) === JSON.stringify(sharedProblem(code));
}

const ERROR_DESCRIPTIONS = {
  '400': 'The request is not valid: `errors` names each field at fault and why; nothing was changed',
  '401': 'No valid access token (sign in, or refresh the session)',
  '403': 'Your roles do not permit this',
  '404': 'No such record, or one in another Alliance',
  '409': 'The record changed since you read it (stale version) or its state does not allow this now',
  '410': 'The link was used, replaced or has expired',
  '413': 'The request body is larger than 256 kB',
  '422': 'The Idempotency-Key was used before with another body',
  '429': 'Too many requests: wait Retry-After seconds',
  '503': 'The database cannot be reached or the instance is shutting down: retry after Retry-After seconds',
} satisfies Record<string, string>;

/** An error status the document describes the same way wherever it is answered. */
type ErrorCode = keyof typeof ERROR_DESCRIPTIONS;
const isErrorCode = (code: string): code is ErrorCode => Object.hasOwn(ERROR_DESCRIPTIONS, code);

// The metadata key `@ApiProduces` writes (DECORATORS.API_PRODUCES, not exported by the package).
const API_PRODUCES = 'swagger/apiProduces';
const WRITES = new Set(['post', 'put', 'patch', 'delete']);
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** Path parameters that are record ids (uuidParam: malformed is a 400); tokens and file names are just not found. */
const ID_PARAMETER = /^(id|code|round|key|[a-z]+Id)$/;

interface Handler {
  controller: Type;
  method: (...args: unknown[]) => unknown;
}

/** Each controller method by the operationId Nest's document gives it (`Controller_method`). */
function handlersByOperationId(app: INestApplication): Map<string, Handler> {
  const handlers = new Map<string, Handler>();
  for (const module of app.get(ModulesContainer).values())
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller?.prototype) continue;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const method = (controller.prototype as Record<string, unknown>)[name];
        if (name !== 'constructor' && typeof method === 'function')
          handlers.set(`${controller.name}_${name}`, { controller, method: method as Handler['method'] });
      }
    }
  return handlers;
}

function throttled({ controller, method }: Handler): boolean {
  const guards = [
    ...((Reflect.getMetadata('__guards__', controller) as unknown[]) ?? []),
    ...((Reflect.getMetadata('__guards__', method) as unknown[]) ?? []),
  ];
  return guards.some((guard) => guard === ThrottlerGuard || (guard as Type).prototype instanceof ThrottlerGuard);
}

/** "SessionsController_agendaOf" → "Agenda of": a readable summary for an operation that states none. */
function summaryFrom(operationId: string): string {
  const words = operationId
    .replace(/^.*_/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Completes the document Nest generates, for every operation at once: the shared error schema on every error answer
 * the operation can give (by what it takes and how it is guarded), the media type of each download (from its
 * `@ApiProduces`), and a summary. Per-operation decorators still win: a described answer keeps its description.
 */
export function documentContract(app: INestApplication, document: OpenAPIObject): OpenAPIObject {
  // The answer schemas are JSON Schema (`const`, type lists): the document is OpenAPI 3.1, whose schemas are that.
  document.openapi = '3.1.0';
  // Nest's SchemaObject type is OpenAPI 3.0's, narrower than the JSON Schema (type lists) 3.1 allows.
  const generated = answerSchemas.schemas as unknown as Record<string, SchemaObject>;
  for (const name of Object.keys(generated))
    if (document.components?.schemas?.[name]) throw new Error(`Two schemas are called ${name}: rename one`);
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ...generated, ApiError: API_ERROR_SCHEMA },
  };
  const handlers = handlersByOperationId(app);
  for (const [path, item] of Object.entries(document.paths)) {
    for (const verb of METHODS) {
      const operation = item[verb] as OperationObject | undefined;
      if (!operation) continue;
      const handler = operation.operationId ? handlers.get(operation.operationId) : undefined;
      operation.summary ??= summaryFrom(operation.operationId ?? verb);
      if (handler) documentDownload(operation, handler);
      documentAnswer(operation);

      const parameters = (operation.parameters ?? []) as ParameterObject[];
      const secured = (operation.security ?? []).length > 0;
      const hasBody = Boolean(operation.requestBody);
      const codes = new Set<ErrorCode>(['503']);
      if (
        hasBody ||
        parameters.some((p) => p.in === 'query' || p.in === 'header' || (p.in === 'path' && ID_PARAMETER.test(p.name)))
      )
        codes.add('400');
      if (secured) codes.add('401').add('403');
      if (path.includes('{')) codes.add('404');
      if (secured && WRITES.has(verb)) codes.add('409');
      if (hasBody) codes.add('413');
      // Creates take an Idempotency-Key (idempotency/openapi.ts): reused with another body, 422; still running, 409.
      if (operation.responses['201']) codes.add('409').add('422');
      if (handler && throttled(handler)) codes.add('429');
      // One-use links (invitations, e-mail confirmations, answer links): used, replaced or expired is a 410.
      if (parameters.some((p) => p.in === 'path' && p.name === 'token')) {
        codes.add('410');
        if (WRITES.has(verb)) codes.add('409');
      }
      for (const code of codes) operation.responses[code] ??= { description: ERROR_DESCRIPTIONS[code] };
      for (const [code, response] of Object.entries(operation.responses)) {
        if (!/^[45]\d\d$/.test(code)) continue;
        const answer = response as ResponseObject;
        answer.description ||= isErrorCode(code) ? ERROR_DESCRIPTIONS[code] : 'Refused';
        answer.content ??= { [PROBLEM_JSON]: { schema: ERROR_REF } };
        // The usual answer for its status is written once, under components, and referred to: the same hundred
        // words repeated on every operation made the document, and the SPA's types generated from it, 3 times longer.
        if (isSharedProblem(code, answer)) {
          operation.responses[code] = { $ref: `#/components/responses/${problemName(code)}` };
          (document.components.responses ??= {})[problemName(code)] = sharedProblem(code);
        }
      }
    }
  }
  // Each tag an operation uses, declared once at the top (sorted, for a stable document).
  const tags = new Set(
    Object.values(document.paths).flatMap((item) =>
      METHODS.flatMap((verb) => (item[verb] as OperationObject | undefined)?.tags ?? []),
    ),
  );
  const declared = new Set((document.tags ?? []).map((tag) => tag.name));
  document.tags = [
    ...(document.tags ?? []),
    ...[...tags]
      .filter((name) => !declared.has(name))
      .sort()
      .map((name) => ({ name })),
  ];
  return document;
}

/** The schema of the operation's JSON success body, generated from the type its controller method answers with. */
function documentAnswer(operation: OperationObject): void {
  const schema = (answerSchemas.operations as unknown as Record<string, SchemaObject>)[operation.operationId ?? ''];
  if (!schema) return;
  const success = Object.keys(operation.responses).find((code) => /^2\d\d$/.test(code)) ?? '200';
  const answer = (operation.responses[success] ?? { description: '' }) as ResponseObject;
  if (answer.content && !answer.content['application/json']) return; // a download
  answer.description ||= 'The answer';
  answer.content = { ...answer.content, 'application/json': { schema } };
  operation.responses[success] = answer;
}

/** A download's success answer names each media type it can come as (errors still answer as JSON). */
function documentDownload(operation: OperationObject, { method }: Handler): void {
  const produces = Reflect.getMetadata(API_PRODUCES, method) as string[] | undefined;
  if (!produces?.length) return;
  const success = Object.keys(operation.responses).find((code) => /^2\d\d$/.test(code)) ?? '200';
  const answer = (operation.responses[success] ?? { description: '' }) as ResponseObject;
  answer.description ||= 'The file';
  answer.content = Object.fromEntries(
    produces.map((type) => [
      type,
      { schema: type === 'application/json' ? { type: 'object' } : { type: 'string', format: 'binary' } },
    ]),
  );
  operation.responses[success] = answer;
}
