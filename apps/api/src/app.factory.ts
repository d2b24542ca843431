import type { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { AuditService } from './audit/audit.service';
import { ApiExceptionFilter, createValidationPipe } from './common/errors';
import { bodyReadErrors, rejectDeepJson } from './common/request-body';
import { compressAnswers, noSourceMaps } from './common/static-files';
import { noStoreForApi } from './common/no-store';
import type { ApiConfig } from './config';
import { DatabaseOutage } from './database/outage';
import { QueryCounter } from './database/query-counter';
import { documentIdempotencyKey } from './idempotency/openapi';
import { documentContract } from './common/openapi';
import { RequestGate } from './health/request-gate';

/**
 * Security headers on every answer, with a strict Content-Security-Policy for the SPA (everything from this
 * origin, nothing inline). The API document's page (Swagger UI) needs inline code, so it gets the headers
 * without the policy. CORS stays closed: the SPA is served from the same origin.
 */
function securityHeaders() {
  const strict = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  const docs = helmet({ contentSecurityPolicy: false });
  return (req: Request, res: Response, next: NextFunction) =>
    (req.path.startsWith('/api/docs') ? docs : strict)(req, res, next);
}

/** The application as both `main.ts` and the API tests run it: same pipes, filters, guards and document. */
export async function createApp(
  config: ApiConfig,
  options: { logger?: LogLevel[] | false } = {},
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, new QueryCounter()), {
    logger: options.logger ?? ['error', 'warn', 'log'],
    bufferLogs: true,
  });
  // Nest's own messages go through pino too, as JSON.
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api');
  app.use(compressAnswers());
  // Before any body is read: an overloaded or draining instance refuses at once.
  app.use(app.get(RequestGate).middleware());
  app.use(noSourceMaps());
  app.use(securityHeaders());
  // Personal data: no answer of the API is kept by a browser or proxy cache (errors included).
  app.use(noStoreForApi());
  app.getHttpAdapter().getInstance().disable('x-powered-by');
  if (config.trustProxy)
    app.set('trust proxy', /^\d+$/.test(config.trustProxy) ? Number(config.trustProxy) : config.trustProxy);
  // Explicit limits: no write needs more than this; bigger bodies are a 413 before any work is done.
  app.useBodyParser('json', { limit: '256kb' });
  app.useBodyParser('urlencoded', { extended: true });
  app.use(bodyReadErrors());
  app.use(rejectDeepJson());
  // Only the refresh token travels in a cookie.
  app.use(cookieParser());
  app.useGlobalPipes(createValidationPipe());
  // Every refused access (403) goes into the audit trail, rate-limited per caller.
  const audit = app.get(AuditService);
  // An unreachable database is a 503 with Retry-After, logged once per outage (database/outage.ts).
  const outage = app.get(DatabaseOutage);
  app.useGlobalFilters(
    new ApiExceptionFilter(
      (request) => audit.refused(request as Request).catch(() => undefined),
      (error) => outage.failed(error),
    ),
  );
  const document = documentContract(
    app,
    documentIdempotencyKey(
      SwaggerModule.createDocument(
        app,
        new DocumentBuilder()
          .setTitle('CCC Programme API')
          .setDescription('Supervision and training programme for Cancer Care Coordinators')
          .setVersion('1')
          .addServer('/', 'This instance (the API and the SPA share one origin)')
          .addBearerAuth()
          .build(),
      ),
    ),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
