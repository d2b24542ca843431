import { applyDecorators, Post, UseInterceptors } from '@nestjs/common';
import { IdempotencyInterceptor } from './idempotency.interceptor';

/**
 * A create route: `@Post(path)` answering 201, made safe to retry with `Idempotency-Key`
 * (idempotency.interceptor.ts). The interceptor is bound here, route by route, rather than globally: any global
 * interceptor puts every request, reads included, through Nest's rxjs pipeline, which cost the enrolment list about
 * 0.4 ms of CPU a request in `npm run bench` (issue #17). The API test idempotency.e2e-spec checks that every
 * create route of the document has it.
 */
export const CreateRoute = (path?: string | string[]): MethodDecorator =>
  applyDecorators(Post(path), UseInterceptors(IdempotencyInterceptor));
