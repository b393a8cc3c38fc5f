/**
 * Blob storage: immutable blobs under generated keys. Replacing a file's content means writing
 * a new blob and pointing the metadata at it, so a reader never sees a half-written file.
 */
import type { Readable } from "node:stream";

export type BlobSource = Readable | Buffer | string;

export interface BlobStore {
  /** Stores the bytes under a new key; the blob is visible only once complete. */
  write(source: BlobSource): Promise<{ key: string; size: number }>;
  read(key: string): Readable;
  readAll(key: string): Promise<Buffer>;
  /** Copies a blob to a path on the local filesystem (e.g. to stage job input). */
  copyToFile(key: string, destination: string): Promise<void>;
  /** Removes a blob; removing a missing one is not an error. */
  delete(key: string): Promise<void>;
}
