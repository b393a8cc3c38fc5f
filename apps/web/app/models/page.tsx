import "../catalog.css";
import type { Metadata } from "next";
import { ModelsView } from "@/components/ModelsView";
import { SignedInPage } from "@/components/SignedInPage";

export const metadata: Metadata = { title: "Models" };

export default function ModelsPage() {
  return (
    <SignedInPage>
      <ModelsView />
    </SignedInPage>
  );
}
