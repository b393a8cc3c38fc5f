/**
 * The REST job list's body and ETag. An unchanged page comes back from the database layer as
 * the very same rows array (reader.ts keeps results until something is committed), so its v3
 * body (UTF-8, ready to send) and ETag are made once per array rather than once per request.
 */
import { createHash } from "node:crypto";
import type { JobListRow } from "@jobmanager/db";
import type { JobPage } from "../services/jobs";
import { toV3ListItem } from "./v3-job";
import { v3PageJson } from "./v3-page";

interface Serialised {
  json: string;
  hash: string;
  /** Bodies by page number, size and total (one page's rows seldom carry more than one). */
  bodies: Map<string, { body: Buffer; etag: string }>;
}

const serialised = new WeakMap<readonly JobListRow[], Serialised>();

export function jobsPageResponse(page: JobPage): { body: Buffer; etag: string } {
  let items = serialised.get(page.jobs);
  if (!items) {
    const json = JSON.stringify(page.jobs.map(toV3ListItem));
    items = { json, hash: createHash("sha1").update(json).digest("base64url"), bodies: new Map() };
    serialised.set(page.jobs, items);
  }
  const key = `${page.pageNumber}-${page.pageSize}-${page.totalElements}`;
  let response = items.bodies.get(key);
  if (!response) {
    if (items.bodies.size >= 8) items.bodies.clear();
    // The body is a function of the items and these three numbers, so this tag names it exactly.
    response = { body: Buffer.from(v3PageJson("jobs", page.jobs, page, items.json)), etag: `W/"${items.hash}-${key}"` };
    items.bodies.set(key, response);
  }
  return response;
}
