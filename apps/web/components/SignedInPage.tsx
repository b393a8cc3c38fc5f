"use client";
/** Frame of every signed-in page: the auth gate, the header and the main landmark. */
import type { ReactNode } from "react";
import { AppHeader } from "./AppHeader";
import { RequireAuth } from "./RequireAuth";

export function SignedInPage({ children }: { children: ReactNode }) {
  return (
    <RequireAuth>
      <AppHeader />
      <main className="page" id="main">
        {children}
      </main>
    </RequireAuth>
  );
}
