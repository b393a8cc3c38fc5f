/** GraphQL operations of the settings page: the tenant's API tokens and users. */
import { gql } from "urql";

export type ApiToken = { id: string; name: string; prefix: string; createdAt: string; revokedAt: string | null };
export type NewApiToken = ApiToken & { secret: string };
export type User = { id: string; username: string; createdAt: string };

export const API_TOKENS_QUERY = gql<{ apiTokens: ApiToken[] }, Record<string, never>>`
  query ApiTokens {
    apiTokens { id name prefix createdAt revokedAt }
  }
`;

export const CREATE_API_TOKEN_MUTATION = gql<{ createApiToken: NewApiToken }, { name: string }>`
  mutation CreateApiToken($name: String!) {
    createApiToken(name: $name) { id name prefix createdAt revokedAt secret }
  }
`;

export const REVOKE_API_TOKEN_MUTATION = gql<{ revokeApiToken: boolean }, { id: string }>`
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id)
  }
`;

export const USERS_QUERY = gql<{ users: User[] }, Record<string, never>>`
  query Users {
    users { id username createdAt }
  }
`;

export const CREATE_USER_MUTATION = gql<{ createUser: User }, { username: string; password: string }>`
  mutation CreateUser($username: String!, $password: String!) {
    createUser(username: $username, password: $password) { id username createdAt }
  }
`;
