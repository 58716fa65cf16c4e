import type { Catalogue, CatalogueGroup } from "../../../../bots/peer-groups/catalogue/catalogue-schema.ts";
import { explainMatch } from "../../../../bots/peer-groups/match/explain-match.ts";
import type { CompiledCatalogue } from "../../../../bots/peer-groups/match/compile-catalogue.ts";
import { timeFit } from "../../../../bots/peer-groups/match/time-fit.ts";
import { tokenize } from "../../../../bots/peer-groups/match/tokenize.ts";
import { DEFAULT_AWAKE_HOURS, OFFSET_MIN, OFFSET_STEP, offsetSlot, roundScore, WEIGHTS } from "../../../../bots/peer-groups/match/weights.ts";
import type { MatchProfile } from "../../../../bots/peer-groups/profile/match-profile.ts";

/**
 * The obvious way to match, with no precomputation: for every member and every group, the group's
 * time fit is worked out with Intl, its description re-tokenised into a TF-IDF vector, every group
 * is explained, and the whole list is sorted. Same rules and weights as `matchMember`: the benchmark
 * and the tests check both give the same answer.
 */
export function naiveMatch(catalogue: Catalogue, profile: MatchProfile, sizes: ArrayLike<number>, excluded: ReadonlySet<string>, at: Date, limit: number, compiledForReasons: CompiledCatalogue) {
  const groups = catalogue.groups;
  const df = new Map<string, number>();
  for (const g of groups) for (const term of new Set(tokenize(`${g.title} ${g.description}`).map(([t]) => t))) df.set(term, (df.get(term) ?? 0) + 1);
  const idf = (t: string) => Math.log((1 + groups.length) / (1 + (df.get(t) ?? 0))) + 1;
  const memberWeights = new Map<string, number>();
  for (const [t, n] of profile.terms ?? []) if (df.has(t) && n > 0) memberWeights.set(t, (1 + Math.log(n)) * idf(t));
  const memberNorm = Math.sqrt([...memberWeights.values()].reduce((s, w) => s + w * w, 0)) || 1;
  const stated = profile.paths.filter((p) => p !== "exploring");
  const scored: Array<{ index: number; name: string; score: number; meetsAll: boolean; set?: string; size: number }> = [];
  groups.forEach((g: CatalogueGroup, index) => {
    const size = sizes[index] ?? 0;
    if (size >= g.capacity || excluded.has(g.name.toLowerCase())) return;
    let s = 0;
    let v = 0;
    if (g.for.audience === "family") {
      if (!(profile.forWhom === "other" || profile.forWhom === "both" || profile.spaces.includes("family"))) return;
      s += profile.forWhom === "other" || profile.spaces.includes("family") ? WEIGHTS.space : WEIGHTS.open;
    } else {
      if (profile.forWhom === "other") return;
      if (g.for.audience) {
        if (!profile.spaces.includes(g.for.audience)) return;
        s += WEIGHTS.space;
      }
    }
    if (stated.length) {
      if (g.for.paths.length === 0) s += WEIGHTS.open;
      else if (stated.some((p) => g.for.paths.includes(p))) s += WEIGHTS.met;
      else v++;
    } else if (profile.paths.includes("exploring")) {
      if (g.for.paths.length === 0) s += WEIGHTS.open;
      else if (g.for.paths.includes("exploring")) s += WEIGHTS.met;
    }
    if (profile.stage) {
      if (g.for.stages.length === 0) s += WEIGHTS.open;
      else if (g.for.stages.includes(profile.stage)) s += WEIGHTS.met;
      else v++;
    }
    if (profile.utcOffsetMinutes !== undefined) {
      const slotOffset = OFFSET_MIN + offsetSlot(profile.utcOffsetMinutes) * OFFSET_STEP;
      const fit = timeFit(g, catalogue.timeBands, slotOffset, at, DEFAULT_AWAKE_HOURS);
      if (fit > 0) s += fit === 2 ? WEIGHTS.met + WEIGHTS.evening : WEIGHTS.met;
      else if (fit === -1) v++;
    }
    if (profile.substances.length && g.for.substances.length) {
      if (profile.substances.some((x) => g.for.substances.includes(x))) s += WEIGHTS.met;
      else v++;
    }
    if (memberWeights.size) {
      const tf = new Map<string, number>();
      for (const [t] of tokenize(`${g.title} ${g.description}`)) tf.set(t, (tf.get(t) ?? 0) + 1);
      const weights = new Map([...tf].map(([t, n]) => [t, (1 + Math.log(n)) * idf(t)]));
      const norm = Math.sqrt([...weights.values()].reduce((a, w) => a + w * w, 0)) || 1;
      let dot = 0;
      for (const [t, w] of memberWeights) dot += w * ((weights.get(t) ?? 0) / norm);
      s += roundScore(dot / memberNorm) * WEIGHTS.text;
    }
    s -= (WEIGHTS.fill * size) / g.capacity;
    scored.push({ index, name: g.name, score: s + v * WEIGHTS.violation, meetsAll: v === 0, set: g.siblings, size });
  });
  const emptiest = new Map<string, number>();
  for (const c of scored) {
    if (!c.set) continue;
    const best = emptiest.get(c.set);
    if (best === undefined || c.size < (sizes[best] ?? 0)) emptiest.set(c.set, c.index);
  }
  return scored
    .filter((c) => !c.set || emptiest.get(c.set) === c.index)
    .map((c) => ({ ...c, reasons: explainMatch(compiledForReasons, c.index, profile) }))
    .sort((a, b) => b.score - a.score || a.size - b.size || a.index - b.index)
    .slice(0, limit)
    .map(({ index, name, score, meetsAll, reasons }) => ({ index, name, score, meetsAll, reasons }));
}
