/**
 * Which options the "New job" form preselects: the demo model, the first configuration and
 * the demo folders, so a newcomer can start the demo job with one click.
 */
import type { EnvironmentConfiguration, Folder, Model } from "./graphql";

export type NewJobChoice = {
  modelId: string;
  configurationId: string;
  inputFolderId: string;
  outputFolderId: string;
};

/** `folders` carry their path as name (see JobTargetFields). */
function folderAt(folders: readonly Folder[], path: string): string {
  return folders.find((f) => f.name === path)?.id ?? "";
}

export function defaultChoice(
  models: readonly Model[],
  configurations: readonly EnvironmentConfiguration[],
  folders: readonly Folder[],
): NewJobChoice {
  const model = models.find((m) => m.name.startsWith("Demo")) ?? models[0];
  return {
    modelId: model?.id ?? "",
    configurationId: configurations[0]?.id ?? "",
    inputFolderId: folderAt(folders, "Public/demo-input"),
    outputFolderId: folderAt(folders, "Public/demo-output"),
  };
}

/** Keep what the user chose when it still exists, otherwise take the default. */
export function reconcileChoice(
  current: NewJobChoice,
  defaults: NewJobChoice,
  exists: { models: readonly Model[]; configurations: readonly EnvironmentConfiguration[]; folders: readonly Folder[] },
): NewJobChoice {
  const keep = (id: string, list: readonly { id: string }[], fallback: string) =>
    id && list.some((item) => item.id === id) ? id : fallback;
  return {
    modelId: keep(current.modelId, exists.models, defaults.modelId),
    configurationId: keep(current.configurationId, exists.configurations, defaults.configurationId),
    inputFolderId: keep(current.inputFolderId, exists.folders, defaults.inputFolderId),
    outputFolderId: keep(current.outputFolderId, exists.folders, defaults.outputFolderId),
  };
}
