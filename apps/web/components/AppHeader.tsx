"use client";
/** The bar on every signed-in page: product name, navigation, tenant, sign out. */
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useQuery } from "urql";
import { signOut } from "@/lib/auth";
import { VIEWER_QUERY } from "@/lib/graphql";
import { LiveIndicator } from "./LiveIndicator";

export function AppHeader() {
  const pathname = usePathname();
  const [{ data }] = useQuery({ query: VIEWER_QUERY });
  const onJobs = pathname === "/jobs" || pathname.startsWith("/jobs/");

  return (
    <header className="app-header">
      <div className="app-header-inner">
        <span className="brand">Job Manager</span>
        <nav aria-label="Main">
          <Link href="/dashboard" className="nav-link" aria-current={pathname === "/dashboard" ? "page" : undefined}>
            Dashboard
          </Link>
          <Link href="/jobs" className="nav-link" aria-current={pathname === "/jobs" ? "page" : onJobs ? "true" : undefined}>
            Jobs
          </Link>
          <Link href="/schedules" className="nav-link" aria-current={pathname === "/schedules" ? "page" : undefined}>
            Schedules
          </Link>
          <Link href="/models" className="nav-link" aria-current={pathname === "/models" ? "page" : pathname.startsWith("/models/") ? "true" : undefined}>
            Models
          </Link>
          <Link href="/configurations" className="nav-link" aria-current={pathname === "/configurations" ? "page" : undefined}>
            Configurations
          </Link>
          <Link href="/settings" className="nav-link" aria-current={pathname === "/settings" ? "page" : undefined}>
            Settings
          </Link>
        </nav>
        <LiveIndicator />
        <div className="header-account">
          <span className="tenant-name" data-testid="tenant-name" title="Tenant">
            {data?.viewer.name ?? ""}
          </span>
          <button type="button" className="button button-quiet" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </div>
    </header>
  );
}
