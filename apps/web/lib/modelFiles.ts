/**
 * Notebook uploads and downloads over the REST Model Management API. urql carries no files,
 * and a plain link carries no credentials header, so these go through authorizedFetch (a
 * bearer token, or the session cookie with its XSRF header); a download becomes a Blob the
 * page offers through an object URL.
 */
import { authorizedFetch } from "./authorizedFetch";

const BASE = "/api/modelmanagement/v3/models";

/** A REST failure with the server's own message (its `{errors:[{message}]}` body). */
export class RestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function send(path: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    // authorizedFetch signs out on a 401 by itself.
    response = await authorizedFetch(path, init);
  } catch (error) {
    throw new RestError(0, `Cannot reach the Job Manager server (${(error as Error).message}).`);
  }
  if (response.ok) return response;
  let message = `The server answered ${response.status} ${response.statusText}.`;
  try {
    const body = (await response.json()) as { errors?: Array<{ message?: string }> };
    const messages = body.errors?.map((e) => e.message).filter(Boolean);
    if (messages && messages.length > 0) message = messages.join("; ");
  } catch {
    // Not JSON: keep the status line.
  }
  throw new RestError(response.status, message);
}

function multipart(file: File, metadata: Record<string, unknown> | null): FormData {
  const form = new FormData();
  if (metadata) form.append("metadata", JSON.stringify(metadata));
  form.append("file", file, file.name);
  return form;
}

/** Creates a model with version 1.0; returns its id. The server parses the notebook at once. */
export async function uploadModel(file: File, metadata: { name: string; description: string }): Promise<string> {
  const response = await send(BASE, { method: "POST", body: multipart(file, metadata) });
  return ((await response.json()) as { id: string }).id;
}

/** Adds the next version; returns its number. */
export async function uploadModelVersion(modelId: string, file: File): Promise<number> {
  const response = await send(`${BASE}/${encodeURIComponent(modelId)}/versions`, { method: "POST", body: multipart(file, null) });
  return ((await response.json()) as { number: number }).number;
}

/** A version's payload exactly as uploaded. */
export async function downloadModelVersion(modelId: string, versionId: string): Promise<Blob> {
  const response = await send(`${BASE}/${encodeURIComponent(modelId)}/versions/${encodeURIComponent(versionId)}`, {
    headers: { accept: "application/octet-stream" },
  });
  return response.blob();
}

/** Hands a Blob to the browser as a file download, then lets the object URL go. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
