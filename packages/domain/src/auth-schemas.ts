/** Input contracts of logins, users and API tokens, shared by REST and GraphQL. */
import { z } from "zod";

/** Log in with an API token, or with a user name and password. */
export const LoginInput = z.union(
  [
    z.object({ token: z.string().min(1, "token must not be empty") }).strict(),
    z.object({ username: z.string().min(1, "username must not be empty"), password: z.string().min(1, "password must not be empty") }).strict(),
  ],
  { error: "give either {token} or {username, password}" },
);
export type LoginInput = z.infer<typeof LoginInput>;

export const CreateUserInput = z.object({
  username: z
    .string({ error: "username is required and must be a string" })
    .regex(/^[A-Za-z0-9._@-]{3,64}$/, "username must be 3 to 64 letters, digits or . _ @ -"),
  password: z.string({ error: "password is required and must be a string" }).min(12, "password must be at least 12 characters").max(1024),
});
export type CreateUserInput = z.infer<typeof CreateUserInput>;

export const CreateTokenInput = z.object({
  name: z.string({ error: "name is required and must be a string" }).trim().min(1, "name must not be empty").max(100, "name must be at most 100 characters"),
});
export type CreateTokenInput = z.infer<typeof CreateTokenInput>;
