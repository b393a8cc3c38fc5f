export * from "./client";
export * from "./events";
export * from "./files";
export * from "./jobs";
export * from "./migrate";
export * from "./tokens";
export * from "./errors";
