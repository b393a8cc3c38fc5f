"use client";
/**
 * Calls `onReconnect` each time the live socket is connected again after an interruption.
 * graphql-ws re-subscribes by itself, but a jobsChanged event sent while we were away is
 * gone: views refetch what they show, so no final status is missed.
 */
import { useEffect, useRef } from "react";
import { getLiveConnectionState, subscribeLiveConnection } from "./liveConnection";

export function useReconnect(onReconnect: () => void): void {
  const callback = useRef(onReconnect);
  useEffect(() => {
    callback.current = onReconnect;
  });
  useEffect(() => {
    let previous = getLiveConnectionState();
    return subscribeLiveConnection(() => {
      const next = getLiveConnectionState();
      if (next === "connected" && previous === "reconnecting") callback.current();
      previous = next;
    });
  }, []);
}
