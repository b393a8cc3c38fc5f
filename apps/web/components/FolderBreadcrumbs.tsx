"use client";
/** Where the user is: root / folder / … / current, each step a link but the last. */
import Link from "next/link";
import { folderHref, ROOTS } from "@/lib/dataExchangeOperations";
import type { FolderPath } from "@/lib/useFolderPath";

export function FolderBreadcrumbs({ path, folderId }: { path: FolderPath; folderId: string }) {
  if (path.loading || !path.rootId) return <p className="breadcrumb data-breadcrumbs" aria-hidden="true">&nbsp;</p>;
  const root = ROOTS.find((r) => r.id === path.rootId);
  const steps = [{ id: path.rootId, name: root?.name ?? path.rootId }, ...path.folders.map((f) => ({ id: f.id, name: f.name }))];
  return (
    <nav aria-label="Breadcrumb" className="breadcrumb data-breadcrumbs" data-testid="breadcrumbs">
      <ol>
        {steps.map((step) => (
          <li key={step.id}>
            {step.id === folderId ? (
              <span aria-current="page">{step.name}</span>
            ) : (
              <Link href={folderHref(step.id)}>{step.name}</Link>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
