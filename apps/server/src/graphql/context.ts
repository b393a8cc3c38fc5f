import type { Logger } from "pino";
import type { ServiceContext } from "../services/context";

/** The GraphQL context: the authenticated services, for queries, mutations and subscriptions. */
export interface GraphQLContext {
  services: ServiceContext;
  logger: Logger;
}
