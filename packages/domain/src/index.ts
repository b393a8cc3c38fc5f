export * from "./errors";
export * from "./job-status";
export * from "./notebook";
export * from "./schemas";
export * from "./zeppelin";
export * from "./filter";
export * from "./job-filter";
