/**
 * The one urql client of the app.
 *
 * - Queries and mutations: HTTP POST to /graphql on the same origin (never GET: the server's
 *   CSRF guard rejects GET queries), with the credentials auth.ts decides on, read at send
 *   time: `Authorization: Bearer <token>`, or the session cookie and `X-XSRF-TOKEN`.
 * - Subscriptions: graphql-ws on ws(s)://<same host>/graphql, created lazily in the browser
 *   and connected only while a subscription is active. It retries for ever with a capped
 *   backoff; graphql-ws re-subscribes every active subscription after a reconnect, and the
 *   server replays the job's statuses on subscribe, so views catch up by themselves.
 * - No document cache: job status changes under our feet, and the views decide when to
 *   refetch.
 * - Any "jobmanager.unauthorized" answer (or a socket closed with 4403) signs the user out,
 *   except for operations marked `authProbe` (the login page's own token check).
 */
import { Client, fetchExchange, mapExchange, subscriptionExchange, type OperationContext } from "urql";
import { createClient as createWsClient, type Client as WsClient } from "graphql-ws";
import { authHeaders, currentAuth, signOut, socketConnectionParams } from "./auth";
import { isUnauthorized } from "./errors";
import { setLiveConnectionState } from "./liveConnection";

export const GRAPHQL_PATH = "/graphql";

/** Context flag: this operation checks a candidate token and handles refusal itself. */
export type AuthProbeContext = Partial<OperationContext> & { authProbe?: boolean };

/** graphql-ws close code sent when the server's onConnect refuses the connection. */
const WS_FORBIDDEN = 4403;
const KEEP_ALIVE_MS = 15_000;
const PONG_TIMEOUT_MS = 5_000;

function webSocketUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === "https:" ? "wss:" : "ws:"}//${host}${GRAPHQL_PATH}`;
}

function closeCode(event: unknown): number | undefined {
  if (typeof event === "object" && event !== null && "code" in event) {
    const code = (event as { code: unknown }).code;
    return typeof code === "number" ? code : undefined;
  }
  return undefined;
}

function createLiveClient(): WsClient {
  let socket: WebSocket | null = null;
  let pongTimer: ReturnType<typeof setTimeout> | undefined;
  let everConnected = false;
  return createWsClient({
    url: webSocketUrl,
    lazy: true,
    // Read at every (re)connect, so a reconnect uses the current credentials. A session's
    // cookie goes with the upgrade request; the server also wants its XSRF token here.
    connectionParams: () => socketConnectionParams(),
    keepAlive: KEEP_ALIVE_MS,
    retryAttempts: Number.POSITIVE_INFINITY,
    retryWait: async (retries) => {
      const delay = Math.min(1000 * 2 ** retries, 10_000) + Math.random() * 500;
      await new Promise((resolve) => setTimeout(resolve, delay));
    },
    shouldRetry: (event) => closeCode(event) !== WS_FORBIDDEN,
    on: {
      connecting: () => setLiveConnectionState(everConnected ? "reconnecting" : "connecting"),
      connected: (s) => {
        socket = s as WebSocket;
        everConnected = true;
        setLiveConnectionState("connected");
      },
      // graphql-ws sends pings but never gives up on a silent server; close so it reconnects.
      ping: (received) => {
        if (received) return;
        clearTimeout(pongTimer);
        pongTimer = setTimeout(() => {
          if (socket?.readyState === WebSocket.OPEN) socket.close(4408, "Pong timeout");
        }, PONG_TIMEOUT_MS);
      },
      pong: (received) => {
        if (received) clearTimeout(pongTimer);
      },
      closed: (event) => {
        clearTimeout(pongTimer);
        socket = null;
        if (closeCode(event) === WS_FORBIDDEN) {
          void signOut({ expired: true });
          return;
        }
        // A lazy client closes normally (1000) after its last subscription ends.
        setLiveConnectionState(closeCode(event) === 1000 ? "idle" : everConnected ? "reconnecting" : "connecting");
      },
    },
  });
}

let liveClient: WsClient | null = null;

function getLiveClient(): WsClient {
  liveClient ??= createLiveClient();
  return liveClient;
}

export function createUrqlClient(): Client {
  return new Client({
    url: GRAPHQL_PATH,
    preferGetMethod: false,
    requestPolicy: "network-only",
    fetchOptions: (): RequestInit => {
      const auth = currentAuth();
      return { headers: authHeaders(auth), ...(auth.kind === "session" ? { credentials: "same-origin" } : {}) };
    },
    exchanges: [
      mapExchange({
        onError(error, operation) {
          if ((operation.context as AuthProbeContext).authProbe) return;
          if (isUnauthorized(error)) void signOut({ expired: true });
        },
      }),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? "" };
          return {
            subscribe(sink) {
              const unsubscribe = getLiveClient().subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
}
