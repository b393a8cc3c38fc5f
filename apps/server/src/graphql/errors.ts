/**
 * GraphQL errors carry the same stable `code` as the REST bodies (extensions.code), plus the
 * logref; unexpected errors are masked.
 */
import { unwrapResolverError } from "@apollo/server/errors";
import { AppError } from "@jobmanager/domain";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import type { Logger } from "pino";
import { mapError } from "../errors";

export function formatGraphQLError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof AppError || !(original instanceof GraphQLError)) {
      const mapped = mapError(original, logger);
      return {
        message: mapped.message,
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: mapped.code, logref: mapped.logref },
      };
    }
    // GraphQL's own errors (syntax, validation, limits) are bad input: our code, theirs kept
    const own = formatted.extensions?.code;
    if (typeof own === "string" && own.startsWith("jobmanager.")) return formatted;
    return { ...formatted, extensions: { ...formatted.extensions, code: "jobmanager.invalidInput", ...(own ? { graphqlCode: own } : {}) } };
  };
}

/** An AppError as a GraphQLError, for places outside resolvers (context, ws connection). */
export function toGraphQLError(error: AppError): GraphQLError {
  return new GraphQLError(error.message, { extensions: { code: error.code, http: { status: error.httpStatus } } });
}
