import { Global, Injectable, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type AuditRecord, AuditService } from '../audit/audit.service';
import { refuseIfClosed } from '../enrolments/enrolment-lock';
import { assertVersion } from './domain-errors';
import { type DomainEvent, DomainEvents } from './domain-events';

/** What a command's steps get: the transaction, and a way to say what happened once it commits. */
export interface CommandContext {
  manager: EntityManager;
  /** An effect for after the transaction commits (a cache to drop, a process to wake); never on rollback. */
  afterCommit(effect: () => void | Promise<void>): void;
  /** What happened, for the features that care: their handlers run now, in this transaction (see DomainEvents). */
  publish(event: DomainEvent): Promise<void>;
}

/**
 * One write, in the house's order. Only `load` and `apply` are required; each other step runs when given.
 * - `load`: the scoped load (AccessService decides: 404 unknown, 403 not the caller's).
 * - `enrolments`: the enrolments whose records change; a completed or withdrawn one refuses (409, Closed).
 * - `version`: the version the caller read and the row it guards (`what` names it in the message); stale is 409.
 * - `apply`: the programme's transition and the save.
 * - `audit`: the entries that commit with the change.
 */
export interface Command<Row, Result> {
  load(ctx: CommandContext): Promise<Row>;
  enrolments?(row: Row): readonly (string | null | undefined)[];
  version?: { read: number; of(row: Row): { version: number }; what: string };
  apply(ctx: CommandContext, row: Row): Promise<Result>;
  audit?(row: Row, result: Result): AuditRecord | AuditRecord[] | null | undefined;
}

/** The write pipeline every command runs through (see CONTRIBUTING.md, "Adding a command"). */
@Injectable()
export class Commands {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
  ) {}

  /** Runs `command` in a transaction of its own. */
  async run<Row, Result>(command: Command<Row, Result>): Promise<Result> {
    const effects: (() => void | Promise<void>)[] = [];
    const result = await this.db.transaction((manager) => this.runIn(manager, command, effects));
    for (const effect of effects) await effect();
    return result;
  }

  /** Runs `command` in the caller's transaction (a command that is one step of a larger one). */
  async runIn<Row, Result>(
    manager: EntityManager,
    command: Command<Row, Result>,
    effects: (() => void | Promise<void>)[] = [],
  ): Promise<Result> {
    const ctx: CommandContext = {
      manager,
      afterCommit: (effect) => effects.push(effect),
      publish: (event) => this.events.publish(manager, event),
    };
    const row = await command.load(ctx);
    const enrolmentIds = (command.enrolments?.(row) ?? []).filter((id): id is string => !!id);
    await refuseIfClosed(manager, enrolmentIds);
    if (command.version) assertVersion(command.version.of(row), command.version.read, command.version.what);
    const result = await command.apply(ctx, row);
    const entries = command.audit?.(row, result);
    if (entries) await this.audit.record(manager, entries);
    return result;
  }
}

@Global()
@Module({ providers: [Commands, DomainEvents], exports: [Commands, DomainEvents] })
export class CommandsModule {}
