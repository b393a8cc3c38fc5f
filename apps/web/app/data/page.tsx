import type { Metadata } from "next";
import { Suspense } from "react";
import { DataView } from "@/components/DataView";
import { Loading } from "@/components/Loading";
import { SignedInPage } from "@/components/SignedInPage";

export const metadata: Metadata = { title: "Data" };

export default function DataPage() {
  return (
    <SignedInPage>
      {/* useSearchParams needs a Suspense boundary in a static export. */}
      <Suspense fallback={<Loading label="Loading folder…" />}>
        <DataView />
      </Suspense>
    </SignedInPage>
  );
}
