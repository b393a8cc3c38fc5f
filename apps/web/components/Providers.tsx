"use client";
/** App-wide client state: the urql client, and adopting a `#token=…` link on any page. */
import { useEffect, useState, type ReactNode } from "react";
import { Provider } from "urql";
import { adoptTokenFromFragment } from "@/lib/auth";
import { createUrqlClient } from "@/lib/urql";

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(createUrqlClient);
  useEffect(() => {
    adoptTokenFromFragment();
  }, []);
  return <Provider value={client}>{children}</Provider>;
}
