"use client";

/**
 * The four things a job runs with: model, configuration, input and output folder. Used by the
 * New job and schedule forms, which start jobs the same way; `useJobTargets` keeps the user's
 * picks and falls back to the demo defaults (lib/newJobDefaults.ts).
 */
import { useState } from "react";
import type { EnvironmentConfiguration, Folder, FolderPath, Model } from "@/lib/graphql";
import { defaultChoice, reconcileChoice, type NewJobChoice } from "@/lib/newJobDefaults";
import { SelectField } from "./SelectField";

export interface JobTargetOptions {
  models: Model[];
  configurations: EnvironmentConfiguration[];
  folders: Folder[];
}

type JobTargetData = Pick<JobTargetOptions, "models" | "configurations"> & { folderPaths: FolderPath[] };

export function useJobTargets(data: Partial<JobTargetData> | undefined) {
  const [picked, setPicked] = useState<NewJobChoice | null>(null);
  // Folders at any depth under both roots, shown by their path.
  const folders = (data?.folderPaths ?? []).map(({ path, folder }) => ({ ...folder, name: path }));
  const options: JobTargetOptions = { models: data?.models ?? [], configurations: data?.configurations ?? [], folders };
  const defaults = defaultChoice(options.models, options.configurations, options.folders);
  const choice = picked ? reconcileChoice(picked, defaults, options) : defaults;
  const set = (key: keyof NewJobChoice) => (value: string) => setPicked({ ...choice, [key]: value });
  return { options, choice, set };
}

export function JobTargetFields({
  options,
  choice,
  set,
  errors,
  disabled,
}: ReturnType<typeof useJobTargets> & { errors: Partial<Record<keyof NewJobChoice, string>>; disabled: boolean }) {
  return (
    <>
      <SelectField label="Model" name="modelId" value={choice.modelId} options={options.models} onChange={set("modelId")}
        error={errors.modelId} disabled={disabled} emptyLabel="No models yet" />
      <SelectField label="Configuration" name="configurationId" value={choice.configurationId} options={options.configurations}
        onChange={set("configurationId")} error={errors.configurationId} disabled={disabled} emptyLabel="No configurations yet" />
      <SelectField label="Input folder" name="inputFolderId" value={choice.inputFolderId} options={options.folders}
        onChange={set("inputFolderId")} error={errors.inputFolderId} disabled={disabled} emptyLabel="No folders yet" />
      <SelectField label="Output folder" name="outputFolderId" value={choice.outputFolderId} options={options.folders}
        onChange={set("outputFolderId")} error={errors.outputFolderId} disabled={disabled} emptyLabel="No folders yet" />
    </>
  );
}
