import type { Response } from "express";
import type { ServiceContext } from "../services/context";

/** The services of the authenticated tenant, set by the router's authentication middleware. */
export function services(res: Response): ServiceContext {
  return res.locals.services as ServiceContext;
}

/** A query-string value as one string (the first, when repeated). */
export function queryValue(value: unknown): string | undefined {
  if (Array.isArray(value)) return queryValue(value[0]);
  return typeof value === "string" ? value : undefined;
}
