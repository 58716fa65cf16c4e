/**
 * The "folded" form that cues are matched against: lowercase ASCII words separated by single spaces.
 *
 * The same fold is applied to the lexicon's terms when they are compiled, so a term is written in
 * plain English in `config/crisis/*.yaml` and still matches "k1ll mys3lf", "sooooo", "don't"/"dont".
 * Runs of a repeated letter collapse to one letter on both sides ("kill" and "kiiiilll" both become
 * "kil"): that is what makes stretched letters match without listing them.
 */

// Leet and symbol substitutions, applied only inside tokens that also contain letters, so that
// "800 mg", "2016" and "988" keep their digits. 1 → i because evasions of "suicide"/"kill"/"die"
// use it that way ("su1c1de", "k1ll", "d1e").
const LEET: Readonly<Record<string, string>> = {
  "0": "o",
  "1": "i",
  "3": "e",
  "4": "a",
  "5": "s",
  "7": "t",
  "@": "a",
  $: "s",
  "!": "i",
  "|": "l",
};
const LEET_CHARS = /[013457@$!|]/;
// Tokens that mix digits and letters on purpose: ordinals, units, times, ages.
const UNIT_TOKEN = /^\d+(?:st|nd|rd|th|s|k|m|mg|mcg|ml|g|gs|kg|lb|lbs|am|pm|h|hr|hrs|min|mins|yo|yr|yrs|x|ish|d)$/;
// Only tokens holding a leet character are visited (most words are not).
const TOKEN = /[a-z0-9@$!|]*[013457@$!|][a-z0-9@$!|]*/g;

function foldToken(token: string): string {
  const core = token.replace(/[!|]+$/, "");
  if (!/[a-z]/.test(core) || !LEET_CHARS.test(core) || UNIT_TOKEN.test(core)) return token;
  let out = "";
  for (const ch of core) out += LEET[ch] ?? ch;
  return out;
}

/**
 * Folds already-normalised text (see `normalizeText`) for matching.
 *
 * @example foldText("I'm g0ing t0 k1ll mys3lf sooooo") // "im going to kil myself so"
 */
export function foldText(normalized: string): string {
  return (
    normalized
      .toLowerCase()
      .replace(/['’‘`´]/g, "")
      .replace(TOKEN, foldToken)
      .replace(/[^a-z0-9_]+/g, " ")
      // "k i l l  m y s e l f", "k.m.s": three or more single letters in a row are one word.
      .replace(/\b(?:[a-z] ){2,}[a-z]\b/g, (m) => m.replace(/ /g, ""))
      .replace(/([a-z])\1+/g, "$1")
      .trim()
  );
}
