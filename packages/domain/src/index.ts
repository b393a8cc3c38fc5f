export * from "./errors";
export * from "./job-status";
export * from "./notebook";
export * from "./schemas";
export * from "./zeppelin";
export * from "./catalog-schemas";
export * from "./jupyter";
export * from "./parse-notebook";
