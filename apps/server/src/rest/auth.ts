/**
 * REST /api/auth: log in and out of a web session, and the tenant's API tokens and users.
 * Login is the one route that needs no credentials; it sets the HttpOnly session cookie and
 * the readable XSRF-TOKEN cookie, and returns the XSRF token too. Both cookies are Secure when
 * the request came over https (directly, or through a proxy the configuration trusts).
 */
import type { Db } from "@jobmanager/db";
import express, { type Response, type Router } from "express";
import { authenticateRequest, SESSION_COOKIE, XSRF_COOKIE } from "../auth";
import * as accounts from "../services/accounts";
import { services } from "./locals";

export function loginRoutes({ db, sessionTtlMs }: { db: Db; sessionTtlMs: number }): Router {
  const router = express.Router();
  router.post("/login", async (req, res) => {
    const result = await accounts.login(db, req.body, sessionTtlMs);
    const cookie = { path: "/", sameSite: "strict" as const, maxAge: sessionTtlMs, secure: req.secure };
    res.cookie(SESSION_COOKIE, result.sessionSecret, { ...cookie, httpOnly: true });
    res.cookie(XSRF_COOKIE, result.xsrfToken, cookie);
    res.json({ tenant: { id: result.tenant.id, name: result.tenant.name }, xsrfToken: result.xsrfToken });
  });
  router.post("/logout", async (req, res) => {
    const { session } = await authenticateRequest(db, req);
    if (session) await db.session.deleteMany({ where: { id: session.id } });
    clearCookies(res);
    res.status(204).end();
  });
  return router;
}

function clearCookies(res: Response) {
  res.clearCookie(SESSION_COOKIE, { path: "/" });
  res.clearCookie(XSRF_COOKIE, { path: "/" });
}

export function accountRoutes(): Router {
  const router = express.Router();
  router.get("/tokens", async (_req, res) => {
    res.json({ tokens: await accounts.listTokens(services(res)) });
  });
  router.post("/tokens", async (req, res) => {
    res.status(201).json(await accounts.createToken(services(res), req.body));
  });
  router.delete("/tokens/:id", async (req, res) => {
    await accounts.revokeToken(services(res), req.params.id as string);
    res.status(204).end();
  });
  router.get("/users", async (_req, res) => {
    res.json({ users: await accounts.listUsers(services(res)) });
  });
  router.post("/users", async (req, res) => {
    res.status(201).json(await accounts.createUser(services(res), req.body));
  });
  return router;
}
