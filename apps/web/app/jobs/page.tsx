import type { Metadata } from "next";
import { JobsView } from "@/components/JobsView";
import { SignedInPage } from "@/components/SignedInPage";

export const metadata: Metadata = { title: "Jobs" };

export default function JobsPage() {
  return (
    <SignedInPage>
      <JobsView />
    </SignedInPage>
  );
}
