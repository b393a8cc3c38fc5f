import type { Metadata } from "next";
import { Suspense } from "react";
import { JobDetailView } from "@/components/JobDetailView";
import { Loading } from "@/components/Loading";
import { SignedInPage } from "@/components/SignedInPage";

export const metadata: Metadata = { title: "Job" };

export default function JobDetailPage() {
  return (
    <SignedInPage>
      {/* useSearchParams needs a Suspense boundary in a static export. */}
      <Suspense fallback={<Loading label="Loading job…" />}>
        <JobDetailView />
      </Suspense>
    </SignedInPage>
  );
}
