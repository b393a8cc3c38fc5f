/**
 * The process group of an interpreter: every interpreter process is spawned detached, so it
 * leads a group of its own, and an interrupt or a kill goes to the whole group.
 */

/** Default time between SIGINT and SIGKILL of the group when a run is aborted. */
export const DEFAULT_INTERRUPT_GRACE_MS = 2000;

/** Sends `signal` to the group led by `pid`; a group that is already gone is not an error. */
export function signalGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: nothing left in the group
  }
}
