export type { EngineContext } from "./engine-context";
export { silentLogger, type Logger } from "./logger";
export { createRunner, type Runner, type RunnerOptions } from "./runner";
export { createScheduler, type Scheduler, type SchedulerOptions } from "./scheduler";
export { resolveSandboxTools, type SandboxTools } from "./sandbox";
export { findEnvironmentProcesses } from "./orphans";
export { LOST_RUNNER_MESSAGE } from "./recovery";
