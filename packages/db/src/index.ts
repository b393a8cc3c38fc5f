export * from "./client";
export * from "./events";
export * from "./files";
export * from "./filter-where";
export * from "./jobs";
export * from "./migrate";
export * from "./tokens";
