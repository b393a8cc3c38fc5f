/** Reads what the engine needs of an environment configuration (JSON columns decoded). */
import type { EnvironmentConfiguration } from "@jobmanager/db";

export interface RunSettings {
  interpreters: string[];
  variables: Record<string, string>;
  network: boolean;
  memoryLimitMb: number | null;
  processLimit: number | null;
}

export function runSettingsOf(configuration: EnvironmentConfiguration): RunSettings {
  const interpreters = JSON.parse(configuration.interpreters) as string[];
  const variables = JSON.parse(configuration.variables) as Array<{ name: string; value: string }>;
  return {
    interpreters,
    variables: Object.fromEntries(variables.map((v) => [v.name, v.value])),
    network: configuration.network,
    memoryLimitMb: configuration.memoryLimitMb,
    processLimit: configuration.processLimit,
  };
}
