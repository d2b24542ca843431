import type { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { ApiExceptionFilter, createValidationPipe } from './common/errors';
import type { ApiConfig } from './config';
import { QueryCounter } from './database/query-counter';

/** The application as both `main.ts` and the API tests run it: same pipes, filters, guards and document. */
export async function createApp(
  config: ApiConfig,
  options: { logger?: LogLevel[] | false } = {},
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, new QueryCounter()), {
    logger: options.logger ?? ['error', 'warn', 'log'],
  });
  app.setGlobalPrefix('api');
  // Explicit limits: no write needs more than this; bigger bodies are a 413 before any work is done.
  app.useBodyParser('json', { limit: '256kb' });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('CCC Programme API')
      .setDescription('Supervision and training programme for Cancer Care Coordinators')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
