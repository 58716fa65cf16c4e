/**
 * Turns rated hits into the evidence list and lanes moderators see.
 */
import type { Hit } from "./hit-types.ts";
import { levelRank, maxLevel } from "./levels.ts";
import type { CrisisLane, Evidence, Level } from "./types.ts";

const MAX_SENTENCE = 240;
const FAINT = new Set(["hopeless", "od_weak", "od_severe", "od_context", "farewell", "absence", "withdrawal", "delirium"]);
const SUICIDE_KINDS = new Set(["ideation", "passive", "intent", "means_ready", "means_object", "means_research", "attempt", "self_harm", "goodbye_strong", "goodbye_weak", "farewell", "absence"]);

/** The lanes one hit stands for, given the post's final level. */
export function hitLanes(hit: Hit, postLevel: Level): CrisisLane[] {
  const kind = hit.cue.kind;
  if (hit.level === "none" || kind === "mention") return [];
  // Faint signs name a lane only when the post is serious for them or they were raised.
  if (FAINT.has(kind) && levelRank(hit.level) < 2) {
    return levelRank(postLevel) >= 2 && kind === "hopeless" ? [...hit.cue.lanes] : [];
  }
  // A scene about someone else is concern for them; a threat is harm to the poster whoever makes it.
  if (kind === "scene") {
    const own = hit.cue.lanes.filter((lane) => lane !== "concern_for_other");
    return hit.who === "other" && hit.cue.facet !== "violence" ? ["concern_for_other", ...own] : [...hit.cue.lanes];
  }
  if (hit.who === "other") {
    const lanes: CrisisLane[] = ["concern_for_other"];
    if (SUICIDE_KINDS.has(kind) || kind === "hopeless") lanes.push("suicide_self_harm");
    if (kind.startsWith("od_") && hit.level === "urgent") lanes.push("overdose_medical");
    return lanes;
  }
  return [...hit.cue.lanes];
}

/** Groups hits by sentence and lane into evidence, most serious first. */
export function buildEvidence(hits: readonly Hit[], postLevel: Level): Evidence[] {
  const byKey = new Map<string, Evidence & { order: number }>();
  for (const hit of hits) {
    const lanes = hitLanes(hit, postLevel);
    const lane = lanes[0] ?? hit.cue.lanes[0];
    const key = `${hit.sentence}:${lane}`;
    const why = hit.notes.length > 0 ? `${hit.cue.why} (${hit.notes.join(", ")})` : hit.cue.why;
    const existing = byKey.get(key);
    if (existing) {
      if (!existing.cues.includes(hit.cue.id)) existing.cues.push(hit.cue.id);
      if (!existing.matched.includes(hit.matched)) existing.matched.push(hit.matched);
      if (!existing.why.includes(why)) existing.why += `; ${why}`;
      existing.level = maxLevel(existing.level, hit.level);
      continue;
    }
    byKey.set(key, {
      sentence: trimAround(hit.text, hit.matched),
      cues: [hit.cue.id],
      matched: [hit.matched],
      lane,
      level: hit.level,
      why,
      order: hit.sentence,
    });
  }
  return [...byKey.values()]
    .sort((a, b) => levelRank(b.level) - levelRank(a.level) || a.order - b.order)
    .map(({ order: _order, ...evidence }) => evidence);
}

function trimAround(text: string, matched: string): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= MAX_SENTENCE) return clean;
  const first = matched.split(" ")[0] ?? "";
  const at = Math.max(0, clean.toLowerCase().indexOf(first.slice(0, 4)));
  const start = Math.max(0, Math.min(at - MAX_SENTENCE / 3, clean.length - MAX_SENTENCE));
  const slice = clean.slice(start, start + MAX_SENTENCE);
  return `${start > 0 ? "…" : ""}${slice}${start + MAX_SENTENCE < clean.length ? "…" : ""}`;
}
