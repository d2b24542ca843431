import type { OpenAPIObject } from '@nestjs/swagger';
import { IDEMPOTENCY_HEADER, REPLAYED_HEADER } from './idempotency.interceptor';

/**
 * Names `Idempotency-Key` on every create operation of the document: those answering 201, the routes the
 * interceptor applies to (a POST with no other status).
 */
export function documentIdempotencyKey(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    const operation = item.post;
    if (!operation?.responses['201']) continue;
    operation.parameters = [
      ...(operation.parameters ?? []),
      {
        name: IDEMPOTENCY_HEADER,
        in: 'header',
        required: false,
        description:
          'Makes the create safe to retry. One key per submission (a UUID): the first answer is kept 24 hours and a ' +
          `request with the same key and body gets it again, with \`${REPLAYED_HEADER}: true\`, creating nothing. ` +
          'The same key with another body: 422; while the first is still running: 409 with Retry-After. Errors are ' +
          'not kept: the key can be retried at once. 1 to 255 visible ASCII characters, else 400.',
        schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7E]{1,255}$' },
      },
    ];
    const created = operation.responses['201'] as { headers?: Record<string, unknown> };
    created.headers = {
      ...created.headers,
      [REPLAYED_HEADER]: {
        description: 'true when this is the kept answer to an earlier request with the same Idempotency-Key',
        schema: { type: 'string', enum: ['true'] },
      },
    };
  }
  return document;
}
