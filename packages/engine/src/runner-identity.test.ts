import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { createRunnerIdentity, isOwnerProvablyDead, processStartTime } from "./runner-identity";

describe("runner identity", () => {
  it("names this process, which is not provably dead", () => {
    const { owner } = createRunnerIdentity();
    expect(owner).toMatch(new RegExp(`^runner-[0-9a-f]{8}@[0-9a-f-]+/${process.pid}/\\d+$`));
    expect(isOwnerProvablyDead(owner)).toBe(false);
  });

  it("proves dead an owner whose process has exited, or whose pid now runs another process", async () => {
    const child = spawn("true");
    await new Promise((resolve) => child.once("exit", resolve));
    const bootId = createRunnerIdentity().owner.split("@")[1]!.split("/")[0];
    expect(isOwnerProvablyDead(`runner-x@${bootId}/${child.pid}/12345`)).toBe(true);
    expect(isOwnerProvablyDead(`runner-x@${bootId}/${process.pid}/${Number(processStartTime(process.pid)) + 1}`)).toBe(true);
  });

  it("cannot judge owners of another machine or boot, nor owners in the old format", () => {
    expect(isOwnerProvablyDead(`runner-x@another-boot-id/999999/1`)).toBe(false);
    expect(isOwnerProvablyDead("runner-1234abcd")).toBe(false);
    expect(isOwnerProvablyDead(null)).toBe(false);
  });
});
