/**
 * The one mapping from errors to responses: AppErrors keep their code, status and message;
 * anything else is a 500 whose details stay in the log. Every error gets a `logref` that
 * ties the response to its log line.
 */
import { randomUUID } from "node:crypto";
import { AppError } from "@jobmanager/domain";
import type { Logger } from "pino";

export interface ErrorBody {
  errors: Array<{ code: string; message: string; logref: string }>;
}

export interface MappedError {
  httpStatus: number;
  code: string;
  message: string;
  logref: string;
}

export function mapError(error: unknown, logger: Logger): MappedError {
  const logref = randomUUID();
  if (error instanceof AppError) {
    logger.info({ logref, code: error.code, status: error.httpStatus }, error.message);
    return { httpStatus: error.httpStatus, code: error.code, message: error.message, logref };
  }
  logger.error({ logref, err: error }, "unexpected error");
  return { httpStatus: 500, code: "jobmanager.internalError", message: `Internal server error (logref ${logref}).`, logref };
}

export function errorBody({ code, message, logref }: MappedError): ErrorBody {
  return { errors: [{ code, message, logref }] };
}
