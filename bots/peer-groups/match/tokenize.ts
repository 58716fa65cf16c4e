/**
 * Words for the description match: lower-case, accents off, common words dropped, and a light suffix
 * strip so "evenings"/"evening" and "drinking"/"drink" meet. Deliberately simple (issue #5 asks for
 * keyword overlap, not a language model).
 */
const STOPWORDS = new Set(
  (
    "a about after again all also am an and any are as at be because been before being but by can could did do does doing " +
    "for from get got had has have having he her here him his how i if in into is it its just me more most my no not now of on " +
    "once only or other our out over own same she so some such than that the their them then there these they this those " +
    "through to too under until up very was we were what when where which while who why will with would you your yours " +
    "group groups members member people someone each every like feel still really know think want need one ones day days"
  ).split(" "),
);

/** The stem a word is compared under. */
export function stem(word: string): string {
  if (word.length > 5 && word.endsWith("ing")) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && word.endsWith("ed")) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith("s") && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}

/** Each content word of `text` as [stem, surface form], in order (repeats kept: they are term counts). */
export function tokenize(text: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const words = text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().match(/[a-z0-9][a-z0-9+'-]*[a-z0-9+]|[a-z0-9]/g) ?? [];
  for (const raw of words) {
    const word = raw.replace(/'s$/, "");
    if (word.length < 3 || STOPWORDS.has(word) || /^\d+$/.test(word)) continue;
    out.push([stem(word), word]);
  }
  return out;
}

/** Term counts of a text, keeping only terms in `vocabulary` (what the catalogue can match on). */
export function countTerms(text: string, vocabulary: ReadonlySet<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [term] of tokenize(text)) if (vocabulary.has(term)) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}
