/**
 * Builds multipart/form-data request bodies as streams, so a test can upload a large
 * generated file without holding it in memory.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export interface Part {
  name: string;
  /** Text of a field, or the chunks of a file (an iterable is read lazily). */
  value: string | Buffer | AsyncIterable<Buffer> | Iterable<Buffer>;
  fileName?: string;
  contentType?: string;
}

export function multipartBody(parts: Part[]): { body: ReadableStream<Uint8Array>; contentType: string } {
  const boundary = `----jobmanager${randomBytes(8).toString("hex")}`;
  async function* generate(): AsyncGenerator<Uint8Array> {
    for (const part of parts) {
      const disposition = `form-data; name="${part.name}"${part.fileName !== undefined ? `; filename="${part.fileName}"` : ""}`;
      const type = part.fileName !== undefined ? `Content-Type: ${part.contentType ?? "application/octet-stream"}\r\n` : "";
      yield Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`);
      if (typeof part.value === "string" || Buffer.isBuffer(part.value)) yield Buffer.from(part.value);
      else for await (const chunk of part.value) yield chunk;
      yield Buffer.from("\r\n");
    }
    yield Buffer.from(`--${boundary}--\r\n`);
  }
  const iterator = generate();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
  });
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * The two parts of a catalog upload: `metadata` (JSON of the value; a string goes as it is,
 * so that a test can send a malformed one) and the `file`.
 */
export function metadataAndFile(metadata: unknown, file: Part["value"], fileName = "upload.bin"): Part[] {
  return [
    { name: "metadata", value: typeof metadata === "string" ? metadata : JSON.stringify(metadata) },
    { name: "file", value: file, fileName },
  ];
}

/** `init` for the harness's request(): a streamed multipart body. */
export function multipartInit(method: string, parts: Part[]): RequestInit {
  const { body, contentType } = multipartBody(parts);
  return { method, body, headers: { "content-type": contentType }, duplex: "half" } as RequestInit;
}

/**
 * `size` deterministic bytes in 64 KiB chunks, generated on the fly: one pseudo-random block,
 * stamped with each chunk's index so that no two chunks are alike. Cheap, so tests stay fast
 * on a busy machine.
 */
export function* generatedBytes(size: number, seed = 1): Generator<Buffer> {
  const block = Buffer.alloc(65536);
  let state = seed;
  for (let i = 0; i + 3 < block.length; i += 4) {
    state = (state * 1103515245 + 12345) >>> 0;
    block.writeUInt32LE(state, i);
  }
  for (let offset = 0, index = 0; offset < size; offset += block.length, index++) {
    const chunk = Buffer.from(block.subarray(0, Math.min(block.length, size - offset)));
    if (chunk.length >= 4) chunk.writeUInt32LE(index, 0);
    yield chunk;
  }
}

/**
 * How much of an upload the server holds in memory: `chunks` yields `source` and, after each
 * chunk, notes the bytes sent that are not yet in blob storage's temporary files under
 * `dataDir`. A streaming server stays at the few MB of socket and stream buffers between the
 * two ends; a buffering one writes nothing until the whole body has arrived. (Resident-size
 * sampling could not tell the two apart on a loaded machine.)
 */
export function heldBytesWatcher(dataDir: string, source: Iterable<Buffer>): { chunks: Generator<Buffer>; maxHeld: () => number } {
  let maxHeld = 0;
  function* chunks(): Generator<Buffer> {
    let sent = 0;
    for (const chunk of source) {
      yield chunk;
      sent += chunk.length;
      maxHeld = Math.max(maxHeld, sent - temporaryBlobBytes(dataDir));
    }
  }
  return { chunks: chunks(), maxHeld: () => maxHeld };
}

/** Bytes in blob storage's temporary files (writes in progress). */
function temporaryBlobBytes(dataDir: string): number {
  const entries = fs.readdirSync(path.join(dataDir, "blobs"), { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith(".tmp")).reduce((sum, e) => sum + fs.statSync(path.join(e.parentPath, e.name)).size, 0);
}
