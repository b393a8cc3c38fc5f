/**
 * Who holds a lease, precisely enough to prove it dead. A lease owner is written as
 * `<uuid>@<boot id>/<pid>/<process start time>`: when a runner on the same machine (same
 * kernel boot id) finds that no process with that pid and start time exists, the owner is
 * provably gone (SIGKILL, crash, OOM) and its jobs can be recovered at once instead of after
 * the lease expires. Owners on another machine, or of another format, are judged by the
 * lease's expiry only. The start time guards against pid reuse; the boot id against a
 * reboot reusing both.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";

export interface RunnerIdentity {
  /** The string stored in Job.leaseOwner. */
  owner: string;
}

const BOOT_ID_FILE = "/proc/sys/kernel/random/boot_id";

let bootId: string | null | undefined;

/** This machine's boot id, read once (it cannot change while this process lives). */
function readBootId(): string | null {
  if (bootId === undefined) {
    try {
      bootId = fs.readFileSync(BOOT_ID_FILE, "utf8").trim();
    } catch {
      bootId = null; // not Linux: leases are judged by expiry only
    }
  }
  return bootId;
}

/** Field 22 of /proc/<pid>/stat (start time in clock ticks since boot), or null. */
export function processStartTime(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may contain spaces and parentheses: count from its end.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

export function createRunnerIdentity(): RunnerIdentity {
  const id = randomUUID().slice(0, 8);
  const boot = readBootId();
  const start = processStartTime(process.pid);
  const owner = boot && start ? `runner-${id}@${boot}/${process.pid}/${start}` : `runner-${id}`;
  return { owner };
}

/**
 * True when the owner ran on this machine since its last boot and its process is gone.
 * False when it may still be alive or cannot be judged from here.
 */
export function isOwnerProvablyDead(owner: string | null): boolean {
  if (!owner) return false;
  const match = /^[^@]+@([^/]+)\/(\d+)\/(\d+)$/.exec(owner);
  if (!match) return false;
  const [, ownerBootId, pid, start] = match;
  if (ownerBootId !== readBootId()) return false;
  return processStartTime(Number(pid)) !== start;
}
