"use client";
/** The /models/detail page body: reads `?id=` (this must sit inside a Suspense boundary). */
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { ErrorMessage } from "./ErrorMessage";
import { ModelDetail } from "./ModelDetail";

export function ModelDetailView() {
  const id = useSearchParams().get("id")?.trim() ?? "";
  return (
    <>
      <p className="breadcrumb">
        <Link href="/models">← All models</Link>
      </p>
      {id ? (
        <ModelDetail key={id} id={id} />
      ) : (
        <>
          <h1>Model</h1>
          <ErrorMessage title="No model selected.">
            The address needs a model id, like <code>/models/detail?id=…</code>. <Link href="/models">Back to models</Link>
          </ErrorMessage>
        </>
      )}
    </>
  );
}
