/**
 * The words a lexicon term cannot match without, used by `word-prefilter.ts` to skip cues a post
 * cannot match. Built by `compile-term.ts` for phrase terms and by `regex-need.ts` for raw `re:` terms.
 */

/**
 * Every slot needs one of its words among the post's folded words. A word ending in `*` is a prefix
 * of a word. An empty list needs nothing: the term is tried on every post.
 */
export type WordNeed = readonly (readonly string[])[];

/**
 * One of several alternatives must match, so one word from the pick of each is needed: a single slot
 * joining each alternative's most telling slot. An alternative that needs nothing makes the group need nothing.
 */
export function eitherNeed(needs: readonly WordNeed[]): WordNeed {
  if (needs.length === 0 || needs.some((n) => n.length === 0)) return [];
  if (needs.length === 1) return needs[0];
  const words = new Set<string>();
  for (const need of needs) for (const w of mostTelling(need)) words.add(w);
  return [[...words]];
}

// Words in almost every post (folded: "been" is "ben", "all" is "al"), which tell a post apart from
// nothing. Any word may still be needed; these are only the last choice for a group's slot.
const COMMON = new Set(
  ("the a an to of in on for with at by from and or but as if i im me my you your he she it its we us they them his her " +
    "their our is are was were be ben being have has had do did dont not no so just this that what when going get got go " +
    "went gone can cant wil would could should like about up out al one time day now today then there here some any more " +
    "very realy want know think said says tok took made make back over after before again still stil how who").split(" "),
);

/**
 * How rarely a slot is filled, as its weakest word: a common word is in almost every post (0), and short
 * words are more often common.
 */
export function slotRarity(slot: readonly string[]): number {
  return Math.min(...slot.map((w) => (COMMON.has(w.replace(/\*$/, "")) ? 0 : w.replace(/\*$/, "").length)));
}

function mostTelling(need: WordNeed): readonly string[] {
  return need.reduce((best, slot) => (slotRarity(slot) > slotRarity(best) ? slot : best));
}
