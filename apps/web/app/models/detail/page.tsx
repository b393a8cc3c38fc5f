import "../../catalog.css";
import type { Metadata } from "next";
import { Suspense } from "react";
import { Loading } from "@/components/Loading";
import { ModelDetailView } from "@/components/ModelDetailView";
import { SignedInPage } from "@/components/SignedInPage";

export const metadata: Metadata = { title: "Model" };

export default function ModelDetailPage() {
  return (
    <SignedInPage>
      {/* useSearchParams needs a Suspense boundary in a static export. */}
      <Suspense fallback={<Loading label="Loading model…" />}>
        <ModelDetailView />
      </Suspense>
    </SignedInPage>
  );
}
