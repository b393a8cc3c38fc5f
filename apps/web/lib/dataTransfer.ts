/**
 * File uploads into Data Exchange over the streamed REST route (`/api/dataexchange/v3/files`),
 * with this browser's credentials (token or session, see auth.ts). GraphQL lists and renames,
 * but its upload is for small text only: so uploads go through XMLHttpRequest (for upload
 * progress). Downloads are authorizedFetch.ts's downloadFile, with the file's `downloadPath`.
 */
import { authHeaders, currentAuth } from "./auth";
import { failWith, RestError, UNREACHABLE } from "./errors";

const DATA_EXCHANGE_BASE = "/api/dataexchange/v3";

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
