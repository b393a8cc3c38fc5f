/**
 * The sandbox around every interpreter process: resource limits through `prlimit` and, where
 * Debian's bubblewrap is installed, a `bwrap` jail in which the notebook sees the system
 * read-only (/usr, /etc, the python installation, the driver), its own working directory
 * read-write, a private /tmp, and nothing else of the file system: not the data directory,
 * not other environments, not /root or /home. It gets its own pid, IPC and UTS namespaces,
 * no network unless the configuration allows it, and dies with the process that spawned it.
 *
 * The tools are looked up once per process. What must stay true: the wrapper runs the
 * command in the foreground of the same process group (the interpreters signal the group).
 * Note: SIGINT to the group also ends the outer bwrap, and with it the sandbox; an
 * interrupted paragraph therefore always ends its interpreter (a stop or a timeout ends the
 * job anyway).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export interface SandboxTools {
  /** Absolute path of bwrap, or null when it is missing or cannot create namespaces here. */
  bwrap: string | null;
  /** Absolute path of prlimit, or null. */
  prlimit: string | null;
}

export interface SandboxSettings {
  workDir: string;
  network: boolean;
  memoryLimitMb: number | null;
  processLimit: number | null;
  /** Paths outside the system directories that must be readable (python prefix, driver). */
  readOnly: string[];
}

let cached: SandboxTools | undefined;

export function resolveSandboxTools(): SandboxTools {
  cached ??= { bwrap: probeBwrap(), prlimit: which("prlimit") };
  return cached;
}

function which(name: string): string | null {
  for (const dir of ["/usr/bin", "/bin", "/usr/local/bin", "/usr/sbin", "/sbin"]) {
    const candidate = path.join(dir, name);
    if (fs.existsSync(candidate)) return candidate;
  }
  return null;
}

function probeBwrap(): string | null {
  const bwrap = which("bwrap");
  if (!bwrap) return null;
  try {
    // Installed is not enough: in some containers user namespaces are not allowed.
    execFileSync(bwrap, ["--ro-bind", "/", "/", "--unshare-pid", "--unshare-net", "--", "/bin/true"], { stdio: "ignore", timeout: 10_000 });
    return bwrap;
  } catch {
    return null;
  }
}

/** The argv wrapper for InterpreterContext.wrapCommand, or undefined when there is nothing to wrap with. */
export function sandboxWrapper(tools: SandboxTools, settings: SandboxSettings): ((argv: string[]) => string[]) | undefined {
  const prefix: string[] = [];
  if (tools.prlimit && (settings.memoryLimitMb || settings.processLimit)) {
    prefix.push(tools.prlimit);
    if (settings.memoryLimitMb) prefix.push(`--as=${settings.memoryLimitMb * 1024 * 1024}`);
    if (settings.processLimit) prefix.push(`--nproc=${settings.processLimit}`);
    prefix.push("--");
  }
  if (tools.bwrap) prefix.push(tools.bwrap, ...bwrapArguments(settings), "--");
  if (prefix.length === 0) return undefined;
  return (argv) => [...prefix, ...argv];
}

function bwrapArguments(settings: SandboxSettings): string[] {
  const args = ["--die-with-parent", "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try"];
  if (!settings.network) args.push("--unshare-net");
  args.push(...systemArguments());
  for (const extra of settings.readOnly) {
    if (!extra.startsWith("/usr/") && fs.existsSync(extra)) args.push("--ro-bind", extra, extra);
  }
  args.push("--bind", settings.workDir, settings.workDir, "--chdir", settings.workDir);
  return args;
}

let system: string[] | undefined;

/** The system directories every sandbox sees read-only (looked at once per process). */
function systemArguments(): string[] {
  if (system) return system;
  const args = ["--ro-bind", "/usr", "/usr", "--ro-bind", "/etc", "/etc"];
  for (const top of ["/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"]) {
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(top);
    } catch {
      continue;
    }
    if (stat.isSymbolicLink()) args.push("--symlink", fs.readlinkSync(top), top);
    else args.push("--ro-bind", top, top);
  }
  args.push("--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp");
  system = args;
  return args;
}
