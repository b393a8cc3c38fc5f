/**
 * The GraphQL operations of the Data page (listing and metadata; content goes over REST, see
 * dataTransfer.ts for uploads, authorizedFetch.ts for downloads), with the TypeScript shape of each result beside its selection set.
 */
import { gql } from "urql";

export const PUBLIC_ROOT_ID = "_PUBLIC_ROOT_ID";
export const PRIVATE_ROOT_ID = "_PRIVATE_ROOT_ID";
export const ROOTS = [
  { id: PUBLIC_ROOT_ID, name: "Public" },
  { id: PRIVATE_ROOT_ID, name: "Private" },
] as const;

export function isRootId(id: string): boolean {
  return id === PUBLIC_ROOT_ID || id === PRIVATE_ROOT_ID;
}

/** The Data page showing a folder. */
export function folderHref(id: string): string {
  return `/data?folder=${encodeURIComponent(id)}`;
}

export type DataFolder = { id: string; name: string; parentId: string | null; modifiedDate: string | null; modifiedBy: string | null };
export type DataFile = {
  id: string;
  parentId: string;
  name: string;
  type: string;
  sizeInBytes: number;
  modifiedDate: string;
  modifiedBy: string;
  downloadPath: string;
};

const FOLDER_FIELDS = "id name parentId modifiedDate modifiedBy";
const FILE_FIELDS = "id parentId name type sizeInBytes modifiedDate modifiedBy downloadPath";

export const DATA_FOLDER_QUERY = gql<{ folder: DataFolder }, { id: string }>(`
  query DataFolder($id: ID!) {
    folder(id: $id) { ${FOLDER_FIELDS} }
  }
`);

export type FolderPage = {
  folders: DataFolder[];
  files: DataFile[];
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
};

/** One page of a folder's contents, folders first, after the item `after` (cursor paging). */
export const FOLDER_PAGE_QUERY = gql<{ folderConnection: FolderPage }, { id: string; first: number; after?: string | null }>(`
  query FolderPage($id: ID!, $first: Int!, $after: String) {
    folderConnection(id: $id, first: $first, after: $after) {
      folders { ${FOLDER_FIELDS} }
      files { ${FILE_FIELDS} }
      totalCount
      pageInfo { hasNextPage endCursor }
    }
  }
`);

/** The folders directly under a folder (the move picker's list). */
export const SUBFOLDERS_QUERY = gql<{ folders: DataFolder[] }, { parentId: string }>(`
  query Subfolders($parentId: String!) {
    folders(parentId: $parentId) { ${FOLDER_FIELDS} }
  }
`);

export const CREATE_FOLDER_MUTATION = gql<{ createFolder: DataFolder }, { name: string; parentId: string }>(`
  mutation CreateFolder($name: String!, $parentId: ID!) {
    createFolder(name: $name, parentId: $parentId) { ${FOLDER_FIELDS} }
  }
`);

export type MoveVariables = { id: string; name?: string | null; parentId?: string | null };

export const MOVE_FOLDER_MUTATION = gql<{ moveFolder: DataFolder }, MoveVariables>(`
  mutation MoveFolder($id: ID!, $name: String, $parentId: ID) {
    moveFolder(id: $id, name: $name, parentId: $parentId) { ${FOLDER_FIELDS} }
  }
`);

export const MOVE_FILE_MUTATION = gql<{ moveFile: DataFile }, MoveVariables>(`
  mutation MoveFile($id: ID!, $name: String, $parentId: ID) {
    moveFile(id: $id, name: $name, parentId: $parentId) { ${FILE_FIELDS} }
  }
`);

export const DELETE_FOLDER_MUTATION = gql<{ deleteFolder: boolean }, { id: string; recursive: boolean }>`
  mutation DeleteFolder($id: ID!, $recursive: Boolean!) {
    deleteFolder(id: $id, recursive: $recursive)
  }
`;

export const DELETE_FILE_MUTATION = gql<{ deleteFile: boolean }, { id: string }>`
  mutation DeleteFile($id: ID!) {
    deleteFile(id: $id)
  }
`;
