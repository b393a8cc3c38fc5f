"use client";
/** The bar on every signed-in page: product name, navigation, tenant, sign out. */
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useQuery } from "urql";
import { signOut } from "@/lib/auth";
import { VIEWER_QUERY } from "@/lib/graphql";
import { LiveIndicator } from "./LiveIndicator";

/** The main sections; a page below one (e.g. /jobs/detail) marks its section as current. */
const NAV = [
  { href: "/dashboard", label: "Dashboard" },
  { href: "/jobs", label: "Jobs" },
  { href: "/schedules", label: "Schedules" },
  { href: "/models", label: "Models" },
  { href: "/configurations", label: "Configurations" },
  { href: "/data", label: "Data" },
  { href: "/settings", label: "Settings" },
] as const;

export function AppHeader() {
  const pathname = usePathname();
  const [{ data }] = useQuery({ query: VIEWER_QUERY });

  return (
    <header className="app-header">
      <div className="app-header-inner">
        <span className="brand">Job Manager</span>
        <nav aria-label="Main">
          {NAV.map(({ href, label }) => (
            <Link key={href} href={href} className="nav-link" aria-current={pathname === href ? "page" : pathname.startsWith(`${href}/`) ? "true" : undefined}>
              {label}
            </Link>
          ))}
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
