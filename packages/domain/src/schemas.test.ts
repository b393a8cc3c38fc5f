import { describe, expect, it } from "vitest";
import { JobParameters, parseInput } from "./schemas";

const valid = { modelId: "m", configurationId: "c", inputFolderId: "i", outputFolderId: "o" };

describe("JobParameters", () => {
  it("accepts the time limit as a string, as the v3 SDK sends it, or as a number", () => {
    expect(parseInput(JobParameters, { ...valid, maximumExecutionTimeInSeconds: "7200" }).maximumExecutionTimeInSeconds).toBe(7200);
    expect(parseInput(JobParameters, { ...valid, maximumExecutionTimeInSeconds: 60 }).maximumExecutionTimeInSeconds).toBe(60);
    expect(parseInput(JobParameters, valid).maximumExecutionTimeInSeconds).toBe(3600);
  });

  it("names every missing or malformed field in one message", () => {
    expect(() => parseInput(JobParameters, { modelId: "m", maximumExecutionTimeInSeconds: "soon" })).toThrow(
      /configurationId.*inputFolderId.*outputFolderId.*maximumExecutionTimeInSeconds/,
    );
    expect(() => parseInput(JobParameters, { ...valid, maximumExecutionTimeInSeconds: 0 })).toThrow(/at least 1/);
    expect(() => parseInput(JobParameters, "not an object")).toThrow(/Invalid input/);
  });

  it("takes an optional number of retries after a lost runner, 0 by default and at most 5", () => {
    expect(parseInput(JobParameters, valid).retries).toBe(0);
    expect(parseInput(JobParameters, { ...valid, retries: 2 }).retries).toBe(2);
    expect(() => parseInput(JobParameters, { ...valid, retries: 6 })).toThrow(/retries must be at most 5/);
    expect(() => parseInput(JobParameters, { ...valid, retries: -1 })).toThrow(/retries must be at least 0/);
  });
});
