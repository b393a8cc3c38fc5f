export * from "./client";
export * from "./events";
export * from "./files";
export * from "./filter-where";
export * from "./job-parameters";
export * from "./jobs";
export * from "./migrate";
export * from "./tokens";
