/**
 * Expected failures, thrown by use cases and turned into HTTP answers only at the edge
 * (see domain-error-http.ts). They carry no HTTP status: a worker can throw them too.
 */

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;

  protected constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Something the caller may not see, or that does not exist (§4: both answer 404). */
export class NotFoundError extends DomainError {
  readonly kind = 'not_found';

  constructor(message: string) {
    super(message);
  }

  static of(what: string, id: string | number): NotFoundError {
    return new NotFoundError(`${what} ${id} not found`);
  }
}

/** The caller is known but may not do this. */
export class ForbiddenError extends DomainError {
  readonly kind = 'forbidden';

  constructor(message: string) {
    super(message);
  }
}

/** The request raced another write, e.g. a stale `expectedVersion`. */
export class ConflictError extends DomainError {
  readonly kind = 'conflict';

  constructor(message: string) {
    super(message);
  }

  static staleVersion(expected: number, actual: number): ConflictError {
    return new ConflictError(`stale version: expected ${expected}, the case is at ${actual}`);
  }
}

/** An event the current state or a guard refuses; the body lists what may be sent instead. */
export class EventRefusedError extends DomainError {
  readonly kind = 'event_refused';
  readonly allowedEvents: readonly string[];

  constructor(
    readonly event: string,
    readonly reason: string,
    allowedEvents: readonly string[],
    /** The refusal's stable code and parameters (libs/workflow refusals.ts), when it has one. */
    readonly code?: string,
    readonly params?: Readonly<Record<string, string>>,
  ) {
    super(`${event} refused: ${reason}`);
    this.allowedEvents = [...allowedEvents];
  }
}

/** Input that passed the DTO but breaks a domain rule; always names the field. */
export class InvalidInputError extends DomainError {
  readonly kind = 'invalid_input';

  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`${field} ${problem}`);
  }
}

/** A dependency (database, Redis) is down; the caller may retry. */
export class UnavailableError extends DomainError {
  readonly kind = 'unavailable';

  constructor(message: string) {
    super(message);
  }
}

/** Every concrete domain error: the mapping at the edge switches over this union exhaustively. */
export type KnownDomainError =
  | NotFoundError
  | ForbiddenError
  | ConflictError
  | EventRefusedError
  | InvalidInputError
  | UnavailableError;

export type DomainErrorKind = KnownDomainError['kind'];

export function isDomainError(error: unknown): error is KnownDomainError {
  return error instanceof DomainError;
}
