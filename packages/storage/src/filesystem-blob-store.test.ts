import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createFileSystemBlobStore } from "./filesystem-blob-store";

describe("filesystem blob store", () => {
  let root: string;
  beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), "blobs-"));
  });
  afterEach(() => fs.rm(root, { recursive: true, force: true }));

  it("stores a stream and reads back the same bytes", async () => {
    const store = createFileSystemBlobStore(root);
    const bytes = Buffer.from("a,b\n1,2\n");
    const { key, size } = await store.write(Readable.from([bytes.subarray(0, 3), bytes.subarray(3)]));
    expect(size).toBe(bytes.length);
    expect(await store.readAll(key)).toEqual(bytes);
  });

  it("leaves no file behind when the source fails half way", async () => {
    const store = createFileSystemBlobStore(root);
    const failing = new Readable({
      read() {
        this.push("partial");
        this.destroy(new Error("connection lost"));
      },
    });
    await expect(store.write(failing)).rejects.toThrow("connection lost");
    const leftovers = await fs.readdir(root, { recursive: true, withFileTypes: true });
    expect(leftovers.filter((entry) => entry.isFile())).toEqual([]);
  });

  it("refuses keys that could point outside its root", () => {
    const store = createFileSystemBlobStore(root);
    expect(() => store.read("../../etc/passwd")).toThrow("Invalid blob key");
  });
});
