import type { Metadata } from "next";
import { DashboardView } from "@/components/DashboardView";
import { SignedInPage } from "@/components/SignedInPage";

export const metadata: Metadata = { title: "Dashboard" };

export default function DashboardPage() {
  return (
    <SignedInPage>
      <DashboardView />
    </SignedInPage>
  );
}
