/**
 * Where an upload's error belongs: the notebook's own problems (the server parses it at once)
 * go under the drop zone, metadata problems under their fields, the rest above the form.
 */
import { mapFieldErrors, type FieldErrors } from "./fieldErrors";

export type UploadField = "file" | "name" | "description";

export function mapUploadError(message: string): FieldErrors<UploadField> {
  if (/^Invalid notebook:|no 'file' part|larger than the limit/i.test(message)) return { fields: { file: message }, rest: null };
  return mapFieldErrors<UploadField>(message, ["name", "description"]);
}
