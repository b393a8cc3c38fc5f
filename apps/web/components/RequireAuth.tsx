"use client";
/**
 * Renders its children only when this browser has credentials (a token or a session, see
 * lib/auth.ts); otherwise sends the user to
 * /login. The check runs in the browser after mount, so the exported HTML holds only the
 * loading line and never a signed-in view.
 */
import { useEffect, useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { adoptTokenFromFragment, isSignedIn } from "@/lib/auth";
import { Loading } from "./Loading";

export function RequireAuth({ children }: { children: ReactNode }) {
  const router = useRouter();
  const [signedIn, setSignedIn] = useState(false);

  useEffect(() => {
    adoptTokenFromFragment();
    if (isSignedIn()) setSignedIn(true);
    else router.replace("/login");
  }, [router]);

  if (!signedIn) {
    return (
      <main className="page" id="main">
        <Loading label="Checking sign-in…" />
      </main>
    );
  }
  return <>{children}</>;
}
