import { existsSync } from 'node:fs';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AccessModule } from './access/access.module';
import { AuditModule } from './audit/audit.module';
import { CommandsModule } from './common/command';
import { AuthModule } from './auth/auth.module';
import { ClockModule } from './common/clock';
import { CalendarModule } from './calendar/calendar.module';
import { CohortsModule } from './cohorts/cohorts.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { CompetenciesModule } from './competencies/competencies.module';
import { JwtAuthGuard, PermissionGuard } from './common/guards';
import { PgThrottlerStorage } from './common/pg-throttler-storage';
import { loggingParams } from './common/logging';
import { spaCacheHeaders } from './common/static-files';
import { API_CONFIG, type ApiConfig } from './config';
import { dataSourceOptions } from './database/data-source';
import { DatabaseOutage } from './database/outage';
import { QueryCounter } from './database/query-counter';
import { DraftsModule } from './drafts/drafts.module';
import { EnrolmentsModule } from './enrolments/enrolments.module';
import { ExpectationsModule } from './expectations/expectations.module';
import { HealthController } from './health/health.controller';
import { HealthProbe } from './health/health-probe';
import { HttpDrain } from './health/http-drain';
import { ClientGoneGuard, RequestGate } from './health/request-gate';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { LinksModule } from './links/links.module';
import { MonthSixModule } from './month-six/month-six.module';
import { NationalModule } from './national/national.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PeopleModule } from './people/people.module';
import { PrivacyModule } from './privacy/privacy.module';
import { ProgrammesModule } from './programmes/programmes.module';
import { ReleaseTimeModule } from './release-time/release-time.module';
import { ReportsModule } from './reports/reports.module';
import { RetentionModule } from './retention/retention.module';
import { SessionsModule } from './sessions/sessions.module';
import { SignOffsModule } from './sign-offs/sign-offs.module';
import { SubjectAccessModule } from './subject-access/subject-access.module';

@Module({})
export class AppModule {
  static forRoot(config: ApiConfig, queryCounter = new QueryCounter()): DynamicModule {
    const spa = config.webDistDir && existsSync(config.webDistDir) ? config.webDistDir : null;
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot(loggingParams(config.logLevel)),
        TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl, queryCounter)),
        // Only routes that opt in with a throttler guard are limited: the calendar feed and the answer links.
        // Sign-in has its own back-off (auth/login-limiter.ts).
        ThrottlerModule.forRootAsync({
          inject: [DataSource],
          // Counted in PostgreSQL, so that the limits hold across API instances.
          useFactory: (db: DataSource) => ({
            throttlers: [{ name: 'default', ttl: 60_000, limit: 30 }],
            storage: new PgThrottlerStorage(db),
          }),
        }),
        // The built SPA on the same port as the API, so one URL works; unknown paths fall back to index.html.
        ...(spa
          ? [
              ServeStaticModule.forRoot({
                rootPath: spa,
                exclude: ['/api/{*path}'],
                serveStaticOptions: { cacheControl: false, setHeaders: spaCacheHeaders },
              }),
            ]
          : []),
        ClockModule,
        IdempotencyModule,
        AccessModule,
        AuditModule,
        CommandsModule,
        PeopleModule,
        AuthModule,
        ProgrammesModule,
        CohortsModule,
        OrganisationsModule,
        EnrolmentsModule,
        SessionsModule,
        SignOffsModule,
        CalendarModule,
        ReleaseTimeModule,
        ExpectationsModule,
        LinksModule,
        MonthSixModule,
        ReportsModule,
        NationalModule,
        CompetenciesModule,
        DraftsModule,
        NotificationsModule,
        RetentionModule,
        SubjectAccessModule,
        PrivacyModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: API_CONFIG, useValue: config },
        { provide: QueryCounter, useValue: queryCounter },
        HttpDrain,
        HealthProbe,
        RequestGate,
        DatabaseOutage,
        // Order matters: authenticate first, then check the permission, then whether the caller still waits (so a
        // request nobody waits for does not claim its idempotency key either). No global interceptor: see
        // idempotency/create-route.ts.
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: PermissionGuard },
        { provide: APP_GUARD, useClass: ClientGoneGuard },
      ],
      global: true,
      exports: [API_CONFIG, QueryCounter],
    };
  }
}
