/**
 * File content to and from Data Exchange over the streamed REST routes
 * (`/api/dataexchange/v3/files`), with this browser's credentials (token or session, see auth.ts). GraphQL lists and renames, but its
 * upload is for small text only, and a plain link would carry no token: so uploads go through
 * XMLHttpRequest (for upload progress) and downloads through fetch into a Blob URL.
 */
import { authHeaders, currentAuth } from "./auth";
import { authorizedFetch } from "./authorizedFetch";
import { failWith, RestError, UNREACHABLE } from "./restErrors";

export const DATA_EXCHANGE_BASE = "/api/dataexchange/v3";

export type UploadedFile = { id: string; parentId: string; name: string; sizeInBytes: number };

/**
 * Uploads one file into a folder under its own name. `onProgress` gets the fraction sent
 * (0…1). Rejects with a RestError carrying the server's status and message (409 name clash,
 * 400 bad name, 413 too large).
 */
export function uploadFile(parentId: string, file: File, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    form.append("metadata", JSON.stringify({ name: file.name, parentId, ...(file.type ? { type: file.type } : {}) }));
    form.append("file", file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `${DATA_EXCHANGE_BASE}/files`);
    const auth = currentAuth();
    for (const [name, value] of Object.entries(authHeaders(auth))) xhr.setRequestHeader(name, value);
    // Same-origin XHR sends the session cookie by itself.
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        try {
          resolve(JSON.parse(xhr.responseText) as UploadedFile);
        } catch {
          reject(new RestError("The server's answer was not JSON.", xhr.status));
        }
        return;
      }
      try {
        failWith(xhr.status, xhr.responseText);
      } catch (error) {
        reject(error);
      }
    };
    xhr.onerror = () => reject(new RestError(UNREACHABLE, 0));
    xhr.onabort = () => reject(new RestError("The upload was cancelled.", 0));
    signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

/** Where a file's content is served (the same path GraphQL gives as `downloadPath`). */
export function downloadPathOf(fileId: string): string {
  return `${DATA_EXCHANGE_BASE}/files/${encodeURIComponent(fileId)}`;
}

/**
 * Fetches a file with this browser's credentials and hands it to the browser as a download named
 * `fileName`. Rejects with a RestError (404 when the file is gone).
 */
export async function downloadFile(path: string, fileName: string): Promise<void> {
  let response: Response;
  try {
    response = await authorizedFetch(path);
  } catch {
    throw new RestError(UNREACHABLE, 0);
  }
  if (!response.ok) failWith(response.status, await response.text());
  const url = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    link.style.display = "none";
    document.body.appendChild(link);
    link.click();
    link.remove();
  } finally {
    // The click starts the download synchronously; give the browser a moment before revoking.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
