/**
 * Keeps the minimum in what is queued (issue #2): no email addresses anywhere, and no rendered HTML
 * when the raw markdown is there (bots read `raw`; `cooked` only doubles what is stored in Redis).
 * The webhook's signature was checked on the original bytes before this runs.
 */
export function scrubPayload(value: unknown, depth = 0): unknown {
  if (depth > 6 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => scrubPayload(item, depth + 1));
  const out: Record<string, unknown> = {};
  const record = value as Record<string, unknown>;
  for (const [key, child] of Object.entries(record)) {
    if (/e?mails?$/i.test(key) || key === "secondary_emails" || key === "unconfirmed_emails") continue;
    if (key === "cooked" && typeof record.raw === "string") continue;
    out[key] = scrubPayload(child, depth + 1);
  }
  return out;
}
