/** The v3 Model Management shapes (API-REFERENCE.md): Model and Version. */
import type { ModelVersion } from "@jobmanager/db";
import type { ModelWithLastVersion } from "../services/models";

export function toV3Version(version: ModelVersion) {
  const extras = JSON.parse(version.metadata) as Record<string, unknown>;
  return {
    id: version.id,
    number: version.number, // 1.0, 2.0, … (JSON has one number type)
    expirationDate: version.expirationDate?.toISOString() ?? null,
    author: version.author,
    creationDate: version.createdAt.toISOString(),
    dependencies: extras.dependencies ?? [],
    io: extras.io ?? { consumes: "", input: [], output: [], optionalParameters: {} },
    producedBy: extras.producedBy ?? [],
    kpi: extras.kpi ?? [],
  };
}

export function toV3Model(model: ModelWithLastVersion) {
  return {
    id: model.id,
    name: model.name,
    description: model.description,
    type: model.type,
    author: model.author,
    lastVersion: model.lastVersion ? toV3Version(model.lastVersion) : null,
  };
}
