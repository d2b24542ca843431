/**
 * What a command can refuse, in the domain's words. Services throw these; `ApiExceptionFilter` (errors.ts) alone
 * decides their HTTP answer, so no service picks a status code and none is chosen by a message's wording.
 */
export type FieldError = { field: string; reason: string };

export abstract class DomainError extends Error {
  abstract readonly status: 400 | 403 | 404 | 409;
  /** Details the answer carries beside the message (a clash names the other session). */
  readonly details: Record<string, unknown>;

  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = new.target.name;
    this.details = details;
  }
}

/** No such record, or none the caller may know of (another Alliance's answers alike): 404. */
export class NotFound extends DomainError {
  readonly status = 404;
}

/** The record is the caller's to see but not this caller's to change, or not this party's move: 403. */
export class Forbidden extends DomainError {
  readonly status = 403;
}

/** The record's state does not allow this now; `details` may name the other record (a clashing session): 409. */
export class Conflict extends DomainError {
  readonly status = 409;
}

/** Someone changed the record since the caller read it: 409, always with the one message. */
export class StaleVersion extends DomainError {
  readonly status = 409;

  constructor(what = 'record') {
    super(`This ${what} was changed by someone else since you read it; reload it and try again`);
  }
}

/** The enrolment is completed or withdrawn (or otherwise no longer active): its records are read-only, 409. */
export class Closed extends DomainError {
  readonly status = 409;
}

/** Input the programme's rules refuse: 400 naming each field at fault and why. */
export class Invalid extends DomainError {
  readonly status = 400;
  readonly errors: FieldError[];

  constructor(errors: FieldError[] | FieldError, message = 'Validation failed') {
    super(message);
    this.errors = Array.isArray(errors) ? errors : [errors];
  }
}

/** The one stale-version check: the version the caller read must be the row's. */
export function assertVersion(row: { version: number }, version: number, what = 'record'): void {
  if (row.version !== version) throw new StaleVersion(what);
}
