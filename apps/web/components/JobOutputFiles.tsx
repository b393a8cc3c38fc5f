"use client";
/**
 * The files a job wrote into its output folder, the executed notebook first, each downloaded
 * with the signed-in token (DownloadButton); a file deleted since shows as gone.
 */
import "./dataExchange.css";
import Link from "next/link";
import { folderHref } from "@/lib/dataExchangeOperations";
import { formatBytes } from "@/lib/format";
import type { JobOutputFile } from "@/lib/graphql";
import { DownloadButton } from "./DownloadButton";

const NOTEBOOK = /\.(zpln|ipynb)$/i;

export function JobOutputFiles({ files, outputFolderId, ended }: { files: JobOutputFile[]; outputFolderId: string; ended: boolean }) {
  const sorted = [...files].sort((a, b) => Number(NOTEBOOK.test(b.path)) - Number(NOTEBOOK.test(a.path)) || a.path.localeCompare(b.path));
  return (
    <>
      {sorted.length === 0 ? (
        <p className="empty" data-testid="output-files-empty">
          {ended ? "This job wrote no files." : "Output files appear here when the job ends."}
        </p>
      ) : (
        <ul className="output-files" data-testid="output-files">
          {sorted.map(({ path, file }) => (
            <li key={path} className="output-file">
              <span className="output-file-name">
                {NOTEBOOK.test(path) ? <span className="output-kind">Executed notebook: </span> : null}
                <code>{path}</code>
                {file ? <span className="upload-size"> ({formatBytes(file.sizeInBytes)})</span> : null}
              </span>
              {file ? <DownloadButton path={file.downloadPath} fileName={file.name} /> : <span className="empty">deleted since</span>}
            </li>
          ))}
        </ul>
      )}
      <p className="table-foot">
        <Link href={folderHref(outputFolderId)}>Open the output folder</Link>
      </p>
    </>
  );
}
