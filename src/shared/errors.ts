/**
 * The registry's one error taxonomy. Every error raised on purpose is one of these; the API maps
 * `kind` to `extensions.code` in one place and masks anything else as an internal error.
 */
export type ErrorKind = 'BAD_USER_INPUT' | 'RULE_VIOLATION' | 'CONFLICT' | 'NOT_FOUND' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'UNAVAILABLE';

export abstract class RegistryError extends Error {
  abstract readonly kind: ErrorKind;
}

/** One thing wrong with the input: where, which rule, and what to do. */
export interface InputIssue {
  /** Path of the offending field, e.g. `parties[0].code`. */
  readonly path: string;
  /** Stable rule identifier, e.g. `legal-date-format`. */
  readonly rule: string;
  readonly message: string;
}

/** The input is malformed; nothing was decided or written. */
export class InvalidInputError extends RegistryError {
  readonly kind = 'BAD_USER_INPUT';
  constructor(readonly issues: readonly InputIssue[]) {
    super(issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '));
    this.name = 'InvalidInputError';
  }

  static of(path: string, rule: string, message: string): InvalidInputError {
    return new InvalidInputError([{ path, rule, message }]);
  }
}

/** A consistency rule of the domain refused the command; nothing was written. */
export class RuleViolationError extends RegistryError {
  readonly kind = 'RULE_VIOLATION';
  constructor(
    /** Stable rule code, e.g. `AGREEMENT_ALREADY_REGISTERED`. */
    readonly rule: string,
    message: string,
  ) {
    super(message);
    this.name = 'RuleViolationError';
  }
}

/** The caller's expected revision is stale: read again and decide on the current state. */
export class ConflictError extends RegistryError {
  readonly kind = 'CONFLICT';
  constructor(
    readonly streamName: string,
    readonly expectedRevision: bigint | 'no_stream',
    readonly actualRevision: bigint | 'no_stream',
  ) {
    super(
      `${streamName} is at ${describe(actualRevision)}, not ${describe(expectedRevision)} as expected: ` +
        'reload it and try again on its current state.',
    );
    this.name = 'ConflictError';
  }
}

export class NotFoundError extends RegistryError {
  readonly kind = 'NOT_FOUND';
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} ${id} does not exist.`);
    this.name = 'NotFoundError';
  }
}

/** No valid credentials: the request needs a token (or the one given is invalid or expired). */
export class UnauthenticatedError extends RegistryError {
  readonly kind = 'UNAUTHENTICATED';
  constructor(message: string) {
    super(message);
    this.name = 'UnauthenticatedError';
  }
}

/** Valid credentials that do not allow this operation. */
export class ForbiddenError extends RegistryError {
  readonly kind = 'FORBIDDEN';
  constructor(message: string) {
    super(message);
    this.name = 'ForbiddenError';
  }
}

const describe = (revision: bigint | 'no_stream') =>
  revision === 'no_stream' ? 'no revision (it does not exist)' : `revision ${revision}`;

/** The service is too busy to take this request now; nothing was done: retry after a few seconds. */
export class UnavailableError extends RegistryError {
  readonly kind = 'UNAVAILABLE';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
    this.name = 'UnavailableError';
  }
}
