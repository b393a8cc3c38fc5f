import "reflect-metadata";
import type { GraphQLSchema } from "graphql";
import { buildSchema as buildTypeGraphQLSchema } from "type-graphql";
import { AccountResolver } from "./account.resolver";
import { CatalogResolver } from "./catalog.resolver";
import { ConfigurationResolver } from "./configuration.resolver";
import { DataExchangeResolver } from "./data-exchange.resolver";
import { JobResolver } from "./job.resolver";
import { ScheduleResolver } from "./schedule.resolver";
import { ModelResolver, ModelVersionResolver } from "./model.resolver";

/**
 * Our subscriptions bring their own `subscribe` functions over the event bus; type-graphql
 * still insists on a PubSub, so it gets one that says it is not to be used.
 */
const noPubSub = {
  publish(): never {
    throw new Error("Subscriptions subscribe through the event bus, not type-graphql's PubSub.");
  },
  subscribe(): never {
    throw new Error("Subscriptions subscribe through the event bus, not type-graphql's PubSub.");
  },
};

export function buildSchema(): Promise<GraphQLSchema> {
  return buildTypeGraphQLSchema({
    resolvers: [JobResolver, CatalogResolver, ScheduleResolver, ModelResolver, ModelVersionResolver, DataExchangeResolver, ConfigurationResolver, AccountResolver],
    validate: false,
    pubSub: noPubSub,
  });
}
