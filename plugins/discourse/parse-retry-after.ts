/**
 * How long a Discourse 429 asks us to wait (DISCOURSE.md §2.2).
 *
 * Discourse answers 429 in two shapes: the application limiter sends JSON with `extras.wait_seconds`
 * and a `Retry-After` header; the request-tracker middleware sends `text/plain`
 * ("Slow down, too many requests from this IP address. Please retry again in 10 seconds. …").
 * So the header wins, then the JSON field, then the sentence; the body is never JSON-parsed blindly.
 */

/** When nothing in the answer says how long to wait: the admin-API bucket is per minute. */
export const DEFAULT_RETRY_AFTER_MS = 60_000;

/**
 * Milliseconds to wait before retrying, read from a 429's `Retry-After` header and body text.
 * @param now - current epoch ms, for an HTTP-date `Retry-After`.
 */
export function parseRetryAfterMs(retryAfterHeader: string | null, bodyText: string, now = Date.now()): number {
  const fromHeader = parseHeader(retryAfterHeader, now);
  if (fromHeader !== undefined) return fromHeader;
  const fromJson = parseWaitSeconds(bodyText);
  if (fromJson !== undefined) return fromJson * 1000;
  const sentence = /retry again in (\d+(?:\.\d+)?) seconds?/i.exec(bodyText);
  if (sentence) return Math.ceil(Number(sentence[1]) * 1000);
  return DEFAULT_RETRY_AFTER_MS;
}

function parseHeader(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function parseWaitSeconds(bodyText: string): number | undefined {
  if (!bodyText.trimStart().startsWith("{")) return undefined;
  try {
    const parsed: unknown = JSON.parse(bodyText);
    const extras = (parsed as { extras?: { wait_seconds?: unknown } } | null)?.extras;
    const wait = extras?.wait_seconds;
    return typeof wait === "number" && Number.isFinite(wait) && wait >= 0 ? wait : undefined;
  } catch {
    return undefined;
  }
}
