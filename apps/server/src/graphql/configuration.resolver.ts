/** Environment configurations over GraphQL, over the same service as REST. */
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import * as configurations from "../services/configurations";
import { ConfigurationInputType, EnvironmentConfigurationConnectionType, toConnection, withoutNulls } from "./catalog-types";
import type { GraphQLContext } from "./context";
import { EnvironmentConfigurationType } from "./types";

@Resolver()
export class ConfigurationResolver {
  @Query(() => EnvironmentConfigurationType)
  configuration(@Arg("id", () => ID) id: string, @Ctx() { services }: GraphQLContext): Promise<EnvironmentConfigurationType> {
    return configurations.getConfiguration(services, id);
  }

  @Query(() => EnvironmentConfigurationConnectionType, { description: "The tenant's configurations by name, `first` (1–100) after the configuration `after` (the previous page's endCursor)." })
  async configurationConnection(
    @Arg("first", () => Int, { defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() { services }: GraphQLContext,
  ): Promise<EnvironmentConfigurationConnectionType> {
    return toConnection(await configurations.pageConfigurationsAfter(services, { first, after }), (configuration) => configuration);
  }

  @Mutation(() => EnvironmentConfigurationType, { description: "Secret variable values are stored but never returned." })
  createConfiguration(@Arg("input", () => ConfigurationInputType) input: ConfigurationInputType, @Ctx() { services }: GraphQLContext): Promise<EnvironmentConfigurationType> {
    return configurations.createConfiguration(services, withoutNulls(input));
  }

  @Mutation(() => EnvironmentConfigurationType, {
    description: "Changes only the given fields; a secret variable without a value keeps its stored one; memoryLimitMb or processLimit null removes that limit.",
  })
  updateConfiguration(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => ConfigurationInputType) input: ConfigurationInputType,
    @Ctx() { services }: GraphQLContext,
  ): Promise<EnvironmentConfigurationType> {
    // Other nulls mean "unchanged"; an explicit null limit means "no limit", as in REST PATCH.
    const cleared = Object.fromEntries((["memoryLimitMb", "processLimit"] as const).filter((field) => input[field] === null).map((field) => [field, null]));
    return configurations.updateConfiguration(services, id, { ...(withoutNulls(input) as object), ...cleared });
  }

  @Mutation(() => Boolean, { description: "Refused (jobmanager.conflict) while a job refers to the configuration." })
  async deleteConfiguration(@Arg("id", () => ID) id: string, @Ctx() { services }: GraphQLContext): Promise<boolean> {
    await configurations.deleteConfiguration(services, id);
    return true;
  }
}
