"use client";
/** `/` has nothing of its own: keep a `#token=…` link's token and go to the jobs. */
import Link from "next/link";
import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { adoptTokenFromFragment } from "@/lib/auth";

export function RedirectToJobs() {
  const router = useRouter();
  useEffect(() => {
    adoptTokenFromFragment();
    router.replace("/jobs");
  }, [router]);
  return (
    <main className="page" id="main">
      <p>
        Opening <Link href="/jobs">Jobs</Link>…
      </p>
    </main>
  );
}
