/**
 * Notebook uploads and downloads over the REST Model Management API. urql carries no files,
 * and a plain link carries no credentials header, so these go through restFetch and
 * downloadFile (authorizedFetch.ts); a failure is a RestError with the server's own message.
 */
import { downloadFile, restFetch } from "./authorizedFetch";

const BASE = "/api/modelmanagement/v3/models";

function multipart(file: File, metadata: Record<string, unknown> | null): FormData {
  const form = new FormData();
  if (metadata) form.append("metadata", JSON.stringify(metadata));
  form.append("file", file, file.name);
  return form;
}

/** Creates a model with version 1.0; returns its id. The server parses the notebook at once. */
export async function uploadModel(file: File, metadata: { name: string; description: string }): Promise<string> {
  const response = await restFetch(BASE, { method: "POST", body: multipart(file, metadata) });
  return ((await response.json()) as { id: string }).id;
}

/** Adds the next version; returns its number. */
export async function uploadModelVersion(modelId: string, file: File): Promise<number> {
  const response = await restFetch(`${BASE}/${encodeURIComponent(modelId)}/versions`, { method: "POST", body: multipart(file, null) });
  return ((await response.json()) as { number: number }).number;
}

/** Hands a version's payload, exactly as uploaded, to the browser as a download named `fileName`. */
export function downloadModelVersion(modelId: string, versionId: string, fileName: string): Promise<void> {
  return downloadFile(`${BASE}/${encodeURIComponent(modelId)}/versions/${encodeURIComponent(versionId)}`, fileName, {
    headers: { accept: "application/octet-stream" },
  });
}
