/**
 * The GraphQL operations of the models pages (list, detail, versions, preview, delete),
 * with their result shapes side by side. Uploads go over REST (lib/modelFiles.ts): a
 * notebook may be large or not UTF-8 safe, and multipart carries it as it is.
 */
import { gql } from "urql";

export type ModelVersion = {
  id: string;
  number: number;
  author: string;
  creationDate: string;
  format: string;
  fileName: string;
  sizeInBytes: number;
};

export type CatalogModel = {
  id: string;
  name: string;
  description: string;
  type: string;
  author: string;
  modifiedDate: string;
  lastVersion: ModelVersion | null;
};

export type NotebookParagraph = { index: number; id: string; title: string | null; interpreter: string; text: string; code: string; enabled: boolean };

const VERSION_FIELDS = "id number author creationDate format fileName sizeInBytes";
const MODEL_FIELDS = `id name description type author modifiedDate lastVersion { ${VERSION_FIELDS} }`;

export const MODEL_LIST_QUERY = gql<{ models: CatalogModel[] }, Record<string, never>>(`
  query ModelList {
    models { ${MODEL_FIELDS} }
  }
`);

export const MODEL_DETAIL_QUERY = gql<{ model: CatalogModel & { versions: ModelVersion[] } }, { id: string }>(`
  query ModelDetail($id: ID!) {
    model(id: $id) { ${MODEL_FIELDS} versions { ${VERSION_FIELDS} } }
  }
`);

export const MODEL_VERSION_PREVIEW_QUERY = gql<
  { modelVersion: ModelVersion & { paragraphs: NotebookParagraph[] } },
  { modelId: string; versionId: string }
>(`
  query ModelVersionPreview($modelId: ID!, $versionId: ID!) {
    modelVersion(modelId: $modelId, versionId: $versionId) {
      ${VERSION_FIELDS}
      paragraphs { index id title interpreter text code enabled }
    }
  }
`);

export const DELETE_MODEL_MUTATION = gql<{ deleteModel: boolean }, { id: string }>`
  mutation DeleteModel($id: ID!) {
    deleteModel(id: $id)
  }
`;

export const DELETE_MODEL_VERSION_MUTATION = gql<{ deleteModelVersion: boolean }, { modelId: string; versionId: string }>`
  mutation DeleteModelVersion($modelId: ID!, $versionId: ID!) {
    deleteModelVersion(modelId: $modelId, versionId: $versionId)
  }
`;

/** "1.0", "2.0": versions are whole numbers shown the v3 way. */
export function versionLabel(number: number): string {
  return Number.isInteger(number) ? `${number}.0` : String(number);
}
