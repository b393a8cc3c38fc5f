/**
 * The REST job list's body and ETag. An unchanged page comes back from the database layer as
 * the very same rows array (reader.ts keeps results until something is committed), so its v3
 * JSON and the hash of that JSON are made once per array rather than once per request.
 */
import { createHash } from "node:crypto";
import type { JobListRow } from "@jobmanager/db";
import type { JobPage } from "../services/jobs";
import { toV3ListItem } from "./v3-job";
import { v3PageJson } from "./v3-page";

const serialised = new WeakMap<readonly JobListRow[], { json: string; hash: string }>();

export function jobsPageResponse(page: JobPage): { body: string; etag: string } {
  let items = serialised.get(page.jobs);
  if (!items) {
    const json = JSON.stringify(page.jobs.map(toV3ListItem));
    items = { json, hash: createHash("sha1").update(json).digest("base64url") };
    serialised.set(page.jobs, items);
  }
  // The body is a function of the items and these three numbers, so this tag names it exactly.
  const etag = `W/"${items.hash}-${page.pageNumber}-${page.pageSize}-${page.totalElements}"`;
  return { body: v3PageJson("jobs", page.jobs, page, items.json), etag };
}
