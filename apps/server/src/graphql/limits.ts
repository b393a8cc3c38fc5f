/**
 * Query depth and cost limits, applied to HTTP and websocket operations alike, so that no
 * single request can make the server walk an unbounded graph. Our own UI's deepest query is
 * 4 levels; introspection is exempt.
 */
import { costLimitRule } from "@escape.tech/graphql-armor-cost-limit";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import {
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLError,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from "graphql";

export const MAX_QUERY_DEPTH = 8;
export const MAX_QUERY_COST = 5000;

/** Report a violation as a validation error (the rules' default is to throw). */
const report = { propagateOnRejection: false, onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)] };

export const limitRules: ValidationRule[] = [
  maxDepthRule({ n: MAX_QUERY_DEPTH, ignoreIntrospection: true, exposeLimits: true, ...report }) as unknown as ValidationRule,
  costLimitRule({ maxCost: MAX_QUERY_COST, ignoreIntrospection: true, exposeLimits: true, ...report }) as unknown as ValidationRule,
];

/** graphql's validate with the limits added (for graphql-ws, which takes a validate function). */
export function validateWithLimits(schema: GraphQLSchema, document: DocumentNode) {
  return validate(schema, document, [...specifiedRules, ...limitRules]);
}
