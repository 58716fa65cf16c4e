import { AUDIENCES, PATHS } from "../catalogue/vocabulary.ts";
import type { MatchProfile } from "../profile/match-profile.ts";
import { type CompiledCatalogue, pathBit, stageBit } from "./compile-catalogue.ts";
import { explainMatch } from "./explain-match.ts";
import { offsetSlot, roundScore, WEIGHTS } from "./weights.ts";

/** What the matcher needs to know about the groups right now. */
export interface MatchState {
  /** Current member count per compiled group index (Kindred's view, hand-added members included). */
  readonly sizes: ArrayLike<number>;
  /** Lower-case names of groups never to offer this member: left, declined, removed, already in, pending. */
  readonly excluded?: ReadonlySet<string>;
}

export interface Suggestion {
  readonly index: number;
  readonly name: string;
  readonly score: number;
  /** No criterion the group sets contradicts an answer the member gave. */
  readonly meetsAll: boolean;
  /** Plain clauses, most telling first ("you said you are two weeks in…"). */
  readonly reasons: readonly string[];
}

const EXPLORING = pathBit("exploring");
const ALL_PATHS = (1 << PATHS.length) - 1;

/** Per-member values computed once, then reused for every group. */
export function memberFeatures(catalogue: CompiledCatalogue, profile: MatchProfile) {
  let pathMask = 0;
  for (const p of profile.paths) pathMask |= pathBit(p);
  let substanceMask = 0;
  for (const s of profile.substances) {
    const bit = catalogue.substanceBits.get(s);
    if (bit !== undefined) substanceMask |= 1 << bit;
  }
  let spaceMask = 0;
  for (const a of profile.spaces) spaceMask |= 1 << AUDIENCES.indexOf(a);
  let text: Float64Array | undefined;
  if (profile.terms && profile.terms.size > 0) {
    text = new Float64Array(catalogue.groups.length);
    let norm = 0;
    for (const [term, count] of profile.terms) {
      const idf = catalogue.idf.get(term);
      const list = catalogue.postings.get(term);
      if (!idf || !list || count <= 0) continue;
      const w = (1 + Math.log(count)) * idf;
      norm += w * w;
      for (const [g, gw] of list) text[g] += w * gw;
    }
    norm = Math.sqrt(norm) || 1;
    for (let g = 0; g < text.length; g++) text[g] = roundScore(text[g] / norm);
  }
  return {
    statedPaths: pathMask & ALL_PATHS & ~EXPLORING,
    exploring: (pathMask & EXPLORING) !== 0,
    stageBit: profile.stage ? stageBit(profile.stage) : 0,
    substanceMask,
    statedSubstances: profile.substances.length > 0,
    spaceMask,
    familyWanted: profile.forWhom === "other" || profile.forWhom === "both" || profile.spaces.includes("family"),
    /** "Both" opens family groups without putting them first; asking for them, or being here only for someone, does. */
    familyAsked: profile.forWhom === "other" || profile.spaces.includes("family"),
    recoveryWanted: profile.forWhom !== "other",
    slot: profile.utcOffsetMinutes === undefined ? -1 : offsetSlot(profile.utcOffsetMinutes),
    text,
  };
}

/**
 * Scores every group for one member and returns the best `limit`, with reasons. Pure: the same
 * catalogue, profile and state always give the same answer.
 *
 * Hard rules (never broken, whatever the score): a restricted space only for members who asked for
 * it; family-and-friends groups only for members here for someone they care about (or who asked),
 * and nothing else for those here only for someone else; never an excluded group; never a full one;
 * within a sibling set only the emptiest sibling with room is offered, so sizes stay balanced.
 *
 * @param limit - how many to return. @defaultValue 3
 */
export function matchMember(catalogue: CompiledCatalogue, profile: MatchProfile, state: MatchState, limit = 3): Suggestion[] {
  const f = memberFeatures(catalogue, profile);
  const { groups } = catalogue;
  const excluded = state.excluded && state.excluded.size > 0 ? state.excluded : undefined;
  const scores = new Float64Array(groups.length);
  const meets = new Uint8Array(groups.length);
  const eligible = new Uint8Array(groups.length);
  const reps = new Int32Array(catalogue.siblingSets.length).fill(-1);

  for (let g = 0; g < groups.length; g++) {
    const group = groups[g];
    const size = state.sizes[g] ?? 0;
    if (size >= group.capacity) continue;
    if (excluded?.has(group.name.toLowerCase())) continue;
    let s = 0;
    let violations = 0;
    if (group.audience === "family") {
      if (!f.familyWanted) continue;
      s += f.familyAsked ? WEIGHTS.space : WEIGHTS.open;
    } else {
      if (!f.recoveryWanted) continue;
      if (group.audience) {
        if ((f.spaceMask & group.audienceBit) === 0) continue;
        s += WEIGHTS.space;
      }
    }
    if (f.statedPaths) {
      if (group.pathMask === 0) s += WEIGHTS.open;
      else if (group.pathMask & f.statedPaths) s += WEIGHTS.met;
      else violations++;
    } else if (f.exploring) {
      if (group.pathMask === 0) s += WEIGHTS.open;
      else if (group.pathMask & EXPLORING) s += WEIGHTS.met;
    }
    if (f.stageBit) {
      if (group.stageMask === 0) s += WEIGHTS.open;
      else if (group.stageMask & f.stageBit) s += WEIGHTS.met;
      else violations++;
    }
    if (f.slot >= 0) {
      const fit = group.timeFit[f.slot];
      if (fit > 0) s += fit === 2 ? WEIGHTS.met + WEIGHTS.evening : WEIGHTS.met;
      else if (fit === -1) violations++;
    }
    if (f.statedSubstances && group.substanceMask !== 0) {
      if (group.substanceMask & f.substanceMask) s += WEIGHTS.met;
      else violations++;
    }
    if (f.text) s += f.text[g] * WEIGHTS.text;
    s -= (WEIGHTS.fill * size) / group.capacity;
    scores[g] = s + violations * WEIGHTS.violation;
    meets[g] = violations === 0 ? 1 : 0;
    eligible[g] = 1;
    if (group.siblingSet >= 0) {
      const rep = reps[group.siblingSet];
      if (rep < 0 || size < (state.sizes[rep] ?? 0)) reps[group.siblingSet] = g;
    }
  }

  // A small sorted top list: cheaper than sorting every group for every member.
  const top: number[] = [];
  const better = (a: number, b: number) =>
    scores[a] !== scores[b] ? scores[a] > scores[b] : (state.sizes[a] ?? 0) !== (state.sizes[b] ?? 0) ? (state.sizes[a] ?? 0) < (state.sizes[b] ?? 0) : a < b;
  for (let g = 0; g < groups.length; g++) {
    if (!eligible[g]) continue;
    const set = groups[g].siblingSet;
    if (set >= 0 && reps[set] !== g) continue;
    if (top.length === limit && !better(g, top[limit - 1])) continue;
    let i = top.length < limit ? top.length : limit - 1;
    top[i] = g;
    while (i > 0 && better(g, top[i - 1])) {
      top[i] = top[i - 1];
      top[--i] = g;
    }
  }
  return top.map((g) => ({
    index: g,
    name: groups[g].name,
    score: scores[g],
    meetsAll: meets[g] === 1,
    reasons: explainMatch(catalogue, g, profile),
  }));
}
