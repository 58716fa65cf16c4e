/**
 * An injected `fetch` for unit tests of the Discourse client (STYLE.md habit 14, probot's fetch-mock
 * pattern): only the routes a test declares answer; any other request is recorded in `unhandled` and fails.
 */
export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
  signal: AbortSignal | undefined;
}

export type FakeHandler = (request: RecordedRequest) => Response | Promise<Response>;

export interface FakeFetch {
  fetch: typeof globalThis.fetch;
  calls: RecordedRequest[];
  unhandled: string[];
}

/** `routes` keys look like `"POST /posts.json"` (path without the query); an array answers in turn. */
export function createFakeFetch(routes: Record<string, FakeHandler | FakeHandler[]>): FakeFetch {
  const calls: RecordedRequest[] = [];
  const unhandled: string[] = [];
  const turns = new Map<string, number>();
  const fetch = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input));
    const method = init.method ?? "GET";
    const body = typeof init.body === "string" ? JSON.parse(init.body) : undefined;
    const request: RecordedRequest = { method, url, headers: new Headers(init.headers), body, signal: init.signal ?? undefined };
    calls.push(request);
    const key = `${method} ${url.pathname}`;
    const route = routes[key];
    if (!route) {
      unhandled.push(key);
      throw new Error(`fake fetch: unhandled request ${key}`);
    }
    if (!Array.isArray(route)) return route(request);
    const turn = turns.get(key) ?? 0;
    turns.set(key, turn + 1);
    const handler = route[Math.min(turn, route.length - 1)];
    return handler(request);
  };
  return { fetch: fetch as typeof globalThis.fetch, calls, unhandled };
}

/** A JSON answer. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });
}
