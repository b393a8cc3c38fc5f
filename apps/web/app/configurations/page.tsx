import "../catalog.css";
import type { Metadata } from "next";
import { ConfigurationsView } from "@/components/ConfigurationsView";
import { SignedInPage } from "@/components/SignedInPage";

export const metadata: Metadata = { title: "Configurations" };

export default function ConfigurationsPage() {
  return (
    <SignedInPage>
      <ConfigurationsView />
    </SignedInPage>
  );
}
