import type { Metadata } from "next";
import { SettingsView } from "@/components/SettingsView";
import { SignedInPage } from "@/components/SignedInPage";

export const metadata: Metadata = { title: "Settings" };

export default function SettingsPage() {
  return (
    <SignedInPage>
      <SettingsView />
    </SignedInPage>
  );
}
