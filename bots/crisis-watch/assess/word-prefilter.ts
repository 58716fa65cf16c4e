/**
 * The first, cheapest test of a post: which cues could match at all, from the words the post contains.
 * Each term of a cue needs certain words (`WordNeed`, from `compile-term.ts`); a cue none of whose terms
 * has all its words in the post is skipped without running its regular expression. Running every cue's
 * expression over every post was most of the assessment's time, and most posts contain none of the words
 * most cues need. Markers use the same picker, sentence by sentence.
 */
import { slotRarity, type WordNeed } from "./word-need.ts";

const KNOWN_WORDS_LIMIT = 50_000;

/** Picks, for a folded post, the indices of the cues whose terms might match it. */
export type PickCandidates = (folded: string) => number[];

/**
 * Builds the picker for a language's cues, given each cue's terms' needs (in cue order).
 * A cue with a term that needs nothing is always a candidate.
 */
export function buildWordPrefilter(cueNeeds: readonly (readonly WordNeed[])[]): PickCandidates {
  const slotIds = new Map<string, number>();
  const exact = new Map<string, number[]>();
  const prefix = new Map<string, number[]>();
  const slotOf = (slot: readonly string[]): number => {
    const key = [...slot].sort().join("|");
    let id = slotIds.get(key);
    if (id === undefined) {
      id = slotIds.size;
      slotIds.set(key, id);
      for (const word of new Set(slot)) {
        const [index, w] = word.endsWith("*") ? [prefix, word.slice(0, -1)] : [exact, word];
        const list = index.get(w) ?? [];
        list.push(id);
        index.set(w, list);
      }
    }
    return id;
  };
  const always: boolean[] = [];
  // Each term waits on its most rarely filled slot: a post checks only the terms whose slot it filled,
  // not every term of the lexicon.
  const waiting = new Map<number, { cue: number; slots: Int32Array }[]>();
  cueNeeds.forEach((needs, cue) => {
    always.push(needs.some((n) => n.length === 0));
    for (const need of needs) {
      if (need.length === 0) continue;
      const slots = Int32Array.from(need, slotOf);
      let trigger = 0;
      for (let i = 1; i < need.length; i++) if (slotRarity(need[i]) > slotRarity(need[trigger])) trigger = i;
      const list = waiting.get(slots[trigger]) ?? [];
      list.push({ cue, slots });
      waiting.set(slots[trigger], list);
    }
  });
  const prefixLengths = [...new Set([...prefix.keys()].map((p) => p.length))].sort((a, b) => a - b);
  const slotCount = slotIds.size;
  // The slots a word fills, remembered: a forum's vocabulary is small next to its posts. Bounded so a
  // flood of unique tokens cannot grow it without end.
  const known = new Map<string, readonly number[]>();
  const slotsOf = (word: string): readonly number[] => {
    let ids = known.get(word);
    if (ids === undefined) {
      const found = [...(exact.get(word) ?? [])];
      for (const length of prefixLengths) {
        if (length > word.length) break;
        found.push(...(prefix.get(word.slice(0, length)) ?? []));
      }
      ids = found;
      if (known.size >= KNOWN_WORDS_LIMIT) known.clear();
      known.set(word, ids);
    }
    return ids;
  };

  return (folded) => {
    const present = new Uint8Array(slotCount);
    const filled: number[] = [];
    for (const word of new Set(folded.split(/\s+/))) {
      for (const id of slotsOf(word)) {
        if (present[id] === 0) filled.push(id);
        present[id] = 1;
      }
    }
    const chosen = Uint8Array.from(always, (a) => (a ? 1 : 0));
    for (const id of filled) {
      for (const term of waiting.get(id) ?? []) {
        if (chosen[term.cue] === 0 && term.slots.every((slot) => present[slot] === 1)) chosen[term.cue] = 1;
      }
    }
    const picked: number[] = [];
    chosen.forEach((c, cue) => {
      if (c === 1) picked.push(cue);
    });
    return picked;
  };
}
