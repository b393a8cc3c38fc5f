/**
 * Reads a multipart/form-data request with busboy: text fields are collected, the one `file`
 * part is handed to `onFile` as a stream, so the caller decides where the bytes go (blob
 * storage for Data Exchange) and nothing is buffered whole here. Above `maxFileBytes` the
 * part ends early, what was stored is undone, and the request fails with a
 * PayloadTooLargeError (413); the rest of the body is drained and dropped.
 */
import type { IncomingMessage } from "node:http";
import type { Readable } from "node:stream";
import { PayloadTooLargeError, ValidationError } from "@jobmanager/domain";
import busboy from "busboy";

export interface Multipart<T> {
  fields: Record<string, string>;
  /** What `onFile` returned for the `file` part, with the part's file name and MIME type. */
  file: { result: T; fileName: string; mimeType: string } | null;
}

const MAX_FIELD_BYTES = 1024 * 1024;

export async function readMultipart<T>(
  req: IncomingMessage,
  options: {
    maxFileBytes: number;
    onFile: (stream: Readable, fileName: string) => Promise<T>;
    /** Undoes `onFile` (e.g. deletes the blob) when the rest of the request turns out bad. */
    onAbandon?: (result: T) => Promise<void>;
  },
): Promise<Multipart<T>> {
  if (!/^multipart\/form-data/i.test(req.headers["content-type"] ?? "")) {
    throw new ValidationError("The request must be multipart/form-data with a 'file' part (and a 'metadata' part where the route needs one).");
  }
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: req.headers, limits: { fileSize: options.maxFileBytes, files: 1, fields: 20, fieldSize: MAX_FIELD_BYTES } });
  } catch (error) {
    throw new ValidationError(`The multipart request is malformed: ${(error as Error).message}`);
  }
  const fields: Record<string, string> = {};
  let pending: Promise<{ result: T; fileName: string; mimeType: string }> | null = null;

  const finished = new Promise<void>((resolve, reject) => {
    parser.on("field", (name, value, info) => {
      if (info.valueTruncated) return reject(new ValidationError(`The multipart field '${name}' is larger than ${MAX_FIELD_BYTES} bytes.`));
      fields[name] = value;
    });
    parser.on("file", (name, stream, info) => {
      if (name !== "file" || pending) {
        stream.resume(); // only one part named `file` is read; others are dropped
        return;
      }
      // At the limit busboy ends the part early and skips the rest; the stored prefix is undone.
      let truncated = false;
      stream.on("limit", () => {
        truncated = true;
      });
      const fileName = info.filename ?? "upload";
      pending = options.onFile(stream, fileName).then(async (result) => {
        if (truncated) {
          await options.onAbandon?.(result);
          throw new PayloadTooLargeError(options.maxFileBytes);
        }
        return { result, fileName, mimeType: info.mimeType };
      });
      pending.catch(() => stream.resume()); // keep draining so the request completes
    });
    parser.on("close", resolve);
    parser.on("error", (error) => reject(new ValidationError(`The multipart request is malformed: ${(error as Error).message}`)));
  });
  req.pipe(parser);
  try {
    await finished;
  } catch (error) {
    req.unpipe(parser);
    req.resume();
    const stored = await (pending as Promise<{ result: T }> | null)?.catch(() => null);
    if (stored) await options.onAbandon?.(stored.result);
    throw error;
  }
  return { fields, file: pending ? await pending : null };
}


/** A JSON text field of the form (`metadata`), parsed; a missing required one or bad JSON is a 400. */
export function jsonField(fields: Record<string, string>, name: string, required: boolean): unknown {
  const raw = fields[name];
  if (raw === undefined) {
    if (required) throw new ValidationError(`The multipart request has no '${name}' part (a JSON object).`);
    return undefined;
  }
  try {
    return JSON.parse(raw);
  } catch (error) {
    throw new ValidationError(`The '${name}' part is not valid JSON: ${(error as Error).message}`);
  }
}

/** Collects a part into memory; only for payloads that must be parsed whole (notebooks), under a limit. */
export async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
