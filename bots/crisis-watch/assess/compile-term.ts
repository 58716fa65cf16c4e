/**
 * Compiles the small phrase language of `config/crisis/*.yaml` into regular-expression source that
 * runs on folded text (see `fold-text.ts`). Authors write plain phrases; literal words are folded
 * the same way as the text, so "don't kill" and "dont kil" are the same term.
 *
 * Syntax (words separated by spaces):
 * - `(a|b c)` one of the alternatives; `[a|b c]` or `(a|b c)?` optional; both nest.
 * - `word*` the word with any ending (`overdos*` = overdose, overdosed, overdosing).
 * - `~` up to three other words; `~~` up to six.
 * - `#` a number: digits or a number word ("a handful", "two", "a couple").
 * - `{NAME}` a macro from the file's `macros:` (itself written in this syntax).
 * - `!(a|b)` at the end of a term: not followed by one of these words ("kill me !(when|if)" keeps
 *   "he is going to kill me" and drops the idiom "she's going to kill me when she sees this").
 * - A term starting with `re:` is raw regular-expression source over folded text, used as is.
 *
 * Alongside the regex source, each term yields the words it cannot match without (`WordNeed`), which
 * lets a post skip every cue none of whose terms has all its words in the post.
 */
import { foldText } from "./fold-text.ts";
import { regexNeed } from "./regex-need.ts";
import { eitherNeed, type WordNeed } from "./word-need.ts";

export type { WordNeed } from "./word-need.ts";

const NUMBER_WORDS = [
  "\\d+", "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
  "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "hundred",
  "few", "a few", "couple", "a couple", "several", "dozen", "a dozen", "handful", "a handful",
  "bunch", "a bunch", "lot", "a lot", "ton", "all", "all of", "all my",
];
const NUMBER = `(?:${NUMBER_WORDS.map((w) => (w.startsWith("\\") ? w : foldText(w))).join("|")})(?: of)?`;

type Macros = Readonly<Record<string, string>>;

/** Compiles one term to regex source (without word boundaries; the caller adds them). */
export function compileTerm(term: string, macros: Macros = {}): string {
  return compileTermWithNeed(term, macros).source;
}

/** Compiles one term to regex source and the words it needs (see `WordNeed`). */
export function compileTermWithNeed(term: string, macros: Macros = {}): { source: string; need: WordNeed } {
  const trimmed = term.trim();
  if (trimmed.startsWith("re:")) {
    const source = trimmed.slice(3).trim();
    return { source, need: regexNeed(source) };
  }
  const expanded = expandMacros(trimmed, macros, 0);
  const parser = { src: expanded, pos: 0 };
  const out = parseAlternatives(parser, "");
  if (parser.pos < parser.src.length) {
    throw new Error(`[crisis-lexicon] unexpected "${parser.src[parser.pos]}" in term "${term}"`);
  }
  return { source: out.re, need: out.need };
}

function expandMacros(term: string, macros: Macros, depth: number): string {
  if (depth > 5) throw new Error(`[crisis-lexicon] macros nest too deep in "${term}"`);
  return term.replace(/\{([A-Z_]+)\}/g, (_, name: string) => {
    const body = macros[name];
    if (body === undefined) throw new Error(`[crisis-lexicon] unknown macro {${name}} in "${term}"`);
    return `(${expandMacros(body, macros, depth + 1)})`;
  });
}

interface Parser {
  src: string;
  pos: number;
}

// alternatives := sequence ("|" sequence)*, up to the closing bracket `close` (or the end).
function parseAlternatives(p: Parser, close: string): Compiled {
  const alts = [parseSequence(p, close)];
  while (p.src[p.pos] === "|") {
    p.pos++;
    alts.push(parseSequence(p, close));
  }
  if (alts.length === 1) return alts[0];
  return { re: `(?:${alts.map((a) => a.re).join("|")})`, need: eitherNeed(alts.map((a) => a.need)) };
}

interface Compiled {
  re: string;
  need: WordNeed;
}

// A sequence is items separated by spaces. Each item is emitted with a trailing-space policy: gaps
// and optionals carry their own trailing space so that they can vanish cleanly.
function parseSequence(p: Parser, close: string): Compiled {
  const parts: Item[] = [];
  for (;;) {
    while (p.src[p.pos] === " ") p.pos++;
    const ch = p.src[p.pos];
    if (ch === undefined || ch === "|" || (close !== "" && ch === close)) break;
    parts.push(parseItem(p));
  }
  let out = "";
  parts.forEach((part, i) => {
    const last = i === parts.length - 1;
    if (!last) {
      // A gap before more words says so with a lookahead: the same matches, but V8 no longer unrolls
      // the gap into a copy of everything after it (a 6× larger compiled expression).
      const gap = part.re.startsWith("(?:[a-z0-9_]+ ){0,");
      out += part.ownsSpace ? (gap ? `${part.re}(?=[a-z0-9_])` : part.re) : `${part.re} `;
    } else if (part.ownsSpace) {
      // A trailing optional: "want to die [tonight]" → "want to die(?: tonight)?".
      out = out.replace(/ $/, "") + part.re.replace(/^\(\?:(.*) \)(\?|\{0,\d+\})$/, "(?: $1)$2");
    } else {
      out += part.re;
    }
  });
  return { re: out, need: parts.flatMap((part) => part.need) };
}

// `need` is empty for parts that may match nothing or anything (gaps, optionals, numbers).
interface Item {
  re: string;
  ownsSpace: boolean;
  need: WordNeed;
}

function parseItem(p: Parser): Item {
  const ch = p.src[p.pos];
  if (ch === "~") {
    const wide = p.src[p.pos + 1] === "~";
    p.pos += wide ? 2 : 1;
    return { re: `(?:[a-z0-9_]+ ){0,${wide ? 6 : 3}}`, ownsSpace: true, need: [] };
  }
  if (ch === "#") {
    p.pos++;
    return { re: NUMBER, ownsSpace: false, need: [] };
  }
  if (ch === "(") {
    p.pos++;
    const inner = parseAlternatives(p, ")");
    expect(p, ")");
    if (p.src[p.pos] === "?") {
      p.pos++;
      return { re: `(?:${inner.re} )?`, ownsSpace: true, need: [] };
    }
    return { re: wrap(inner.re), ownsSpace: false, need: inner.need };
  }
  if (ch === "!" && p.src[p.pos + 1] === "(") {
    p.pos += 2;
    const inner = parseAlternatives(p, ")");
    expect(p, ")");
    return { re: `(?! ${wrap(inner.re)}\\b)`, ownsSpace: true, need: [] };
  }
  if (ch === "[") {
    p.pos++;
    const inner = parseAlternatives(p, "]");
    expect(p, "]");
    return { re: `(?:${inner.re} )?`, ownsSpace: true, need: [] };
  }
  const m = /^[^\s()[\]|~#*]+/.exec(p.src.slice(p.pos));
  if (!m) throw new Error(`[crisis-lexicon] unexpected "${ch}" in term "${p.src}"`);
  p.pos += m[0].length;
  const folded = foldText(m[0]);
  let word = escapeRegExp(folded);
  if (word === "") throw new Error(`[crisis-lexicon] "${m[0]}" folds to nothing in "${p.src}"`);
  // "co-codamol" folds to two words; each is needed, the last as a prefix when starred.
  const need = folded.split(" ").map((w) => [w]);
  if (p.src[p.pos] === "*") {
    p.pos++;
    word += "[a-z0-9]*";
    need[need.length - 1] = [`${folded.split(" ").at(-1)}*`];
  }
  return { re: word, ownsSpace: false, need };
}

function wrap(re: string): string {
  return re.startsWith("(?:") && balancedOuter(re) ? re : `(?:${re})`;
}

function balancedOuter(re: string): boolean {
  let depth = 0;
  for (let i = 0; i < re.length; i++) {
    if (re[i] === "\\") i++;
    else if (re[i] === "(") depth++;
    else if (re[i] === ")" && --depth === 0 && i < re.length - 1) return false;
  }
  return true;
}

function expect(p: Parser, ch: string): void {
  if (p.src[p.pos] !== ch) throw new Error(`[crisis-lexicon] expected "${ch}" in term "${p.src}"`);
  p.pos++;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
