/** One line of the encouragement pool (`config/digest/texts.yaml`). */
export interface EncouragementLine {
  id: string;
  text: string;
}

/** A line a member was sent, and in which ISO week. */
export interface SentLine {
  id: string;
  week: string;
}

function hash(text: string): number {
  // FNV-1a: a stable spread, so the same member and week always get the same line (previews match sends).
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Picks the week's line for a member: never one they were sent in `recent` (the caller passes the
 * last `encouragementRepeatWeeks` weeks). If the pool is smaller than that window, the line sent
 * longest ago is reused rather than none.
 */
export function pickEncouragement(pool: readonly EncouragementLine[], recent: readonly SentLine[], seed: string): EncouragementLine {
  if (pool.length === 0) throw new Error("[weekly-digest] the encouragement pool is empty");
  const used = new Set(recent.map((r) => r.id));
  const fresh = pool.filter((line) => !used.has(line.id));
  if (fresh.length > 0) return fresh[hash(seed) % fresh.length];
  const lastSent = new Map<string, string>();
  for (const r of recent) if ((lastSent.get(r.id) ?? "") < r.week) lastSent.set(r.id, r.week);
  return [...pool].sort((a, b) => (lastSent.get(a.id) ?? "").localeCompare(lastSent.get(b.id) ?? ""))[0];
}
