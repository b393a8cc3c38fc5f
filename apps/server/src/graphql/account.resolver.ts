/** API tokens and users over GraphQL, over the same service as REST /api/auth. */
import { Arg, Ctx, Field, GraphQLISODateTime, ID, Mutation, ObjectType, Query, Resolver } from "type-graphql";
import * as accounts from "../services/accounts";
import type { GraphQLContext } from "./context";

@ObjectType("ApiToken", { description: "An API token without its secret." })
export class ApiTokenType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: "The first characters of the secret, to tell tokens apart." }) prefix!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) revokedAt!: Date | null;
}

@ObjectType("NewApiToken", { description: "A token just created: `secret` is shown this once." })
export class NewApiTokenType extends ApiTokenType {
  @Field(() => String) secret!: string;
}

@ObjectType("User")
export class UserType {
  @Field(() => ID) id!: string;
  @Field(() => String) username!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
}

@Resolver()
export class AccountResolver {
  @Query(() => [ApiTokenType])
  apiTokens(@Ctx() { services }: GraphQLContext): Promise<ApiTokenType[]> {
    return accounts.listTokens(services);
  }

  @Mutation(() => NewApiTokenType)
  createApiToken(@Arg("name", () => String) name: string, @Ctx() { services }: GraphQLContext): Promise<NewApiTokenType> {
    return accounts.createToken(services, { name });
  }

  @Mutation(() => Boolean)
  async revokeApiToken(@Arg("id", () => ID) id: string, @Ctx() { services }: GraphQLContext): Promise<boolean> {
    await accounts.revokeToken(services, id);
    return true;
  }

  @Query(() => [UserType])
  users(@Ctx() { services }: GraphQLContext): Promise<UserType[]> {
    return accounts.listUsers(services);
  }

  @Mutation(() => UserType, { description: "A user of the caller's tenant who can log in to the web UI." })
  createUser(@Arg("username", () => String) username: string, @Arg("password", () => String) password: string, @Ctx() { services }: GraphQLContext): Promise<UserType> {
    return accounts.createUser(services, { username, password });
  }
}
