/**
 * Errors as data: each class carries a stable `code` and an HTTP status. The server has one
 * mapper that turns them into REST `{errors:[{code,message,logref}]}` bodies and GraphQL
 * `extensions.code`. Anything that is not an AppError is a 500.
 */
export abstract class AppError extends Error {
  abstract readonly code: string;
  abstract readonly httpStatus: number;
}

export class ValidationError extends AppError {
  readonly code = "jobmanager.invalidInput";
  readonly httpStatus = 400;
}

export class UnauthorizedError extends AppError {
  readonly code = "jobmanager.unauthorized";
  readonly httpStatus = 401;
  constructor(message = "Missing or invalid credentials: send 'Authorization: Bearer <token>'.") {
    super(message);
  }
}

export class NotFoundError extends AppError {
  readonly code = "jobmanager.notFound";
  readonly httpStatus = 404;
  constructor(kind: string, id: string) {
    super(`${kind} '${id}' was not found.`);
  }
}

export class ConflictError extends AppError {
  readonly code = "jobmanager.conflict";
  readonly httpStatus = 409;
}

export class InvalidTransitionError extends ConflictError {
  constructor(
    readonly from: string,
    readonly to: string,
  ) {
    super(`A job cannot go from ${from} to ${to}.`);
  }
}

export class InvalidNotebookError extends ValidationError {
  constructor(reason: string) {
    super(`Invalid notebook: ${reason}`);
  }
}

export class ForbiddenError extends AppError {
  readonly code = "jobmanager.forbidden";
  readonly httpStatus = 403;
}

export class PayloadTooLargeError extends AppError {
  readonly code = "jobmanager.payloadTooLarge";
  readonly httpStatus = 413;
  constructor(limitBytes: number) {
    super(`The upload is larger than the limit of ${limitBytes} bytes.`);
  }
}
