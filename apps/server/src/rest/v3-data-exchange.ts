/** The v3 Data Exchange shapes (API-REFERENCE.md): File and Directory. */
import type { File, Folder } from "@jobmanager/db";

export function toV3File(file: File) {
  return {
    id: file.id,
    parentId: file.folderId,
    name: file.name,
    type: file.contentType,
    sizeInBytes: file.sizeInBytes,
    modifiedDate: file.modifiedAt.toISOString(),
    modifiedBy: file.modifiedBy,
  };
}

export function toV3Directory(folder: Folder) {
  return { id: folder.id, name: folder.name, parentId: folder.parentId, modifiedDate: folder.modifiedAt.toISOString(), modifiedBy: folder.modifiedBy };
}

/** The virtual roots have no row; they show as directories without a parent. */
export function toV3Root(id: string) {
  return { id, name: id, parentId: null, modifiedDate: null, modifiedBy: null };
}
