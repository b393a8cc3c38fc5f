import type { Metadata } from "next";
import { SchedulesView } from "@/components/SchedulesView";
import { SignedInPage } from "@/components/SignedInPage";

export const metadata: Metadata = { title: "Schedules" };

export default function SchedulesPage() {
  return (
    <SignedInPage>
      <SchedulesView />
    </SignedInPage>
  );
}
