/** A minimal HTTP caller for the sandbox tests: real fetch, Discourse's auth headers. */
export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: test convenience for reading JSON answers
  json: any;
}

/** Calls `baseUrl + path` as `username` with `apiKey` (either may be omitted to test auth). */
export async function call(
  baseUrl: string,
  method: string,
  path: string,
  options: { apiKey?: string; username?: string; body?: unknown } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (options.apiKey) headers["Api-Key"] = options.apiKey;
  if (options.username) headers["Api-Username"] = options.username;
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(baseUrl + path, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text.length > 0 ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** Binds `call` to a forum, key and user. */
export function client(baseUrl: string, apiKey: string, username: string) {
  return (method: string, path: string, body?: unknown) => call(baseUrl, method, path, { apiKey, username, body });
}
