/**
 * The default BlobStore: one file per blob under `<root>/<key[0..2]>/<key>`. Writes go to a
 * temporary file in the same directory and are renamed into place, which is atomic on POSIX.
 */
import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { BlobSource, BlobStore } from "./blob-store";

const KEY = /^[0-9a-f-]{36}$/;

export function createFileSystemBlobStore(root: string): BlobStore {
  const pathOf = (key: string) => {
    // Keys are ours (UUIDs); refuse anything else so no key can point outside `root`.
    if (!KEY.test(key)) throw new Error(`Invalid blob key '${key}'.`);
    return path.join(root, key.slice(0, 2), key);
  };

  return {
    async write(source: BlobSource) {
      const key = randomUUID();
      const destination = pathOf(key);
      await fs.mkdir(path.dirname(destination), { recursive: true });
      const temporary = `${destination}.${process.pid}.tmp`;
      const input = typeof source === "string" || Buffer.isBuffer(source) ? Readable.from([Buffer.from(source)]) : source;
      try {
        await pipeline(input, createWriteStream(temporary, { flags: "wx" }));
        await fs.rename(temporary, destination);
      } catch (error) {
        await fs.rm(temporary, { force: true });
        throw error;
      }
      const { size } = await fs.stat(destination);
      return { key, size };
    },
    read(key) {
      return createReadStream(pathOf(key));
    },
    readAll(key) {
      return fs.readFile(pathOf(key));
    },
    async copyToFile(key, destination) {
      await fs.mkdir(path.dirname(destination), { recursive: true });
      await fs.copyFile(pathOf(key), destination);
    },
    async delete(key) {
      await fs.rm(pathOf(key), { force: true });
    },
  };
}
