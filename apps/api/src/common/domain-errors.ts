/**
 * What a command can refuse, in the domain's words. Services throw these; `ApiExceptionFilter` (errors.ts) alone
 * decides their HTTP answer, so no service picks a status code and none is chosen by a message's wording.
 */
export type FieldError = { field: string; reason: string };

export abstract class DomainError extends Error {
  abstract readonly status: 400 | 401 | 403 | 404 | 409 | 410 | 415 | 429;
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

/** Input the programme's rules refuse: 400 naming each field at fault and why (none when it is the whole request). */
export class Invalid extends DomainError {
  readonly status = 400;
  readonly errors: FieldError[];

  constructor(errors: FieldError[] | FieldError, message = 'Validation failed') {
    super(message);
    this.errors = Array.isArray(errors) ? errors : [errors];
  }
}

/**
 * Who is asking is not established: a sign-in refused (wrong password, or single sign-on required: `details.reason`
 * says so to the SPA), or a session that has ended: 401.
 */
export class Unauthorized extends DomainError {
  readonly status = 401;
}

/** The thing existed but is no more: a used, replaced or expired link, a calendar address turned off: 410. */
export class Gone extends DomainError {
  readonly status = 410;
}

/** A file whose content is not of a kind the programme keeps, whatever its name says: 415. */
export class UnsupportedType extends DomainError {
  readonly status = 415;
}

/**
 * A file over the programme's limit for it: 400, not 413. The request was read whole (the body parser's own limit
 * answers 413); it is the file in it that the programme refuses.
 */
export class TooLarge extends DomainError {
  readonly status = 400;
}

/** Too many attempts just now: 429, and the answer's Retry-After says in how many seconds to try again. */
export class TooMany extends DomainError {
  readonly status = 429;

  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/** The one stale-version check: the version the caller read must be the row's. */
export function assertVersion(row: { version: number }, version: number, what = 'record'): void {
  if (row.version !== version) throw new StaleVersion(what);
}
