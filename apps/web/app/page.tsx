import { RedirectToJobs } from "@/components/RedirectToJobs";

export default function HomePage() {
  return <RedirectToJobs />;
}
