/**
 * The words a raw `re:` lexicon term cannot match without (see `word-need.ts`), read from its regular
 * expression. Only what is certain counts: a run of literal letters between two word boundaries (a
 * space, `\b`, `\s`, `^`, `$`) is a word the text must contain, one cut off at its end by a group or class
 * is a prefix, a digit class at a word start needs a word starting with a digit, and anything optional,
 * repeated from zero, or inside a lookaround needs nothing.
 * Folded text holds only `[a-z0-9_]`, spaces and line breaks, which is what makes this reading sound.
 */
import { eitherNeed, type WordNeed } from "./word-need.ts";

type Atom =
  | { kind: "char"; char: string }
  | { kind: "boundary" }
  | { kind: "group"; alternatives: Piece[][] }
  | { kind: "look" }
  | { kind: "digit" }
  | { kind: "other" };

/** An atom and whether it must occur at least once (no `?`, `*` or `{0,…}` after it). */
interface Piece {
  atom: Atom;
  required: boolean;
  /** Exactly once: a literal character repeated (`a+`, `a{2}`) is not a plain letter of a word. */
  once: boolean;
}

/** What the term needs, given that the cue wraps every term in `\b(?:…)\b`. */
export function regexNeed(source: string): WordNeed {
  try {
    const parser = { src: source, pos: 0 };
    const alternatives = parseAlternatives(parser);
    if (parser.pos !== source.length) return [];
    return eitherNeed(alternatives.map((seq) => sequenceNeed(seq, true, true).need));
  } catch {
    // Syntax this reader does not know: the term is simply tried on every post.
    return [];
  }
}

interface Parser {
  src: string;
  pos: number;
}

function parseAlternatives(p: Parser): Piece[][] {
  const alternatives: Piece[][] = [[]];
  while (p.pos < p.src.length && p.src[p.pos] !== ")") {
    if (p.src[p.pos] === "|") {
      p.pos++;
      alternatives.push([]);
      continue;
    }
    const atom = parseAtom(p);
    const { required, once } = parseQuantifier(p);
    alternatives[alternatives.length - 1].push({ atom, required, once });
  }
  return alternatives;
}

function parseAtom(p: Parser): Atom {
  const ch = p.src[p.pos++];
  if (ch === "(") {
    const head = p.src.slice(p.pos, p.pos + 3);
    const look = head.startsWith("?=") || head.startsWith("?!") || head.startsWith("?<=") || head.startsWith("?<!");
    if (head.startsWith("?:")) p.pos += 2;
    else if (look) p.pos += head.startsWith("?<") ? 3 : 2;
    else if (head.startsWith("?<")) p.pos = p.src.indexOf(">", p.pos) + 1;
    else if (head.startsWith("?")) throw new Error("unknown group");
    const alternatives = parseAlternatives(p);
    if (p.src[p.pos++] !== ")") throw new Error("unclosed group");
    return look ? { kind: "look" } : { kind: "group", alternatives };
  }
  if (ch === "[") {
    while (p.pos < p.src.length && p.src[p.pos] !== "]") p.pos += p.src[p.pos] === "\\" ? 2 : 1;
    if (p.src[p.pos++] !== "]") throw new Error("unclosed class");
    return { kind: "other" };
  }
  if (ch === "\\") {
    const next = p.src[p.pos++];
    if (next === undefined) throw new Error("trailing backslash");
    if ("bsW".includes(next)) return { kind: "boundary" };
    if (next === "d") return { kind: "digit" };
    if ("BSdDwWuxkpPc0123456789".includes(next)) return { kind: "other" };
    return { kind: "char", char: next };
  }
  if (ch === "^" || ch === "$" || ch === " ") return { kind: "boundary" };
  if (ch === ".") return { kind: "other" };
  return { kind: "char", char: ch };
}

function parseQuantifier(p: Parser): { required: boolean; once: boolean } {
  const ch = p.src[p.pos];
  let min = 1;
  let once = true;
  if (ch === "?" || ch === "*") {
    min = 0;
    once = false;
    p.pos++;
  } else if (ch === "+") {
    once = false;
    p.pos++;
  } else if (ch === "{") {
    const m = /^\{(\d+)(,\d*)?\}/.exec(p.src.slice(p.pos));
    if (!m) throw new Error("bad quantifier");
    min = Number(m[1]);
    once = min === 1 && m[2] === undefined;
    p.pos += m[0].length;
  }
  if (p.src[p.pos] === "?" && ch !== undefined && "?*+{".includes(ch)) p.pos++;
  return { required: min > 0, once };
}

const WORD_CHAR = /^[a-z0-9_]$/;
const DIGIT_START: readonly string[] = ["0*", "1*", "2*", "3*", "4*", "5*", "6*", "7*", "8*", "9*"];

/**
 * Reads a sequence: `before` says whether the sequence starts at a word boundary, `after` whether one
 * follows it. Returns what it needs and whether it surely ends at a word boundary.
 */
function sequenceNeed(pieces: readonly Piece[], before: boolean, after: boolean): { need: WordNeed; endsBounded: boolean } {
  const need: (readonly string[])[] = [];
  let bounded = before;
  let word = "";
  let wordBounded = false;
  const flush = (boundaryFollows: boolean) => {
    if (word !== "" && wordBounded) need.push([boundaryFollows ? word : `${word}*`]);
    word = "";
  };
  pieces.forEach((piece, i) => {
    const { atom } = piece;
    if (atom.kind === "look") return; // zero width: reads nothing, changes no boundary
    if (atom.kind === "char" && WORD_CHAR.test(atom.char) && piece.required && piece.once) {
      if (word === "") wordBounded = bounded;
      word += atom.char;
      bounded = false;
      return;
    }
    const next = boundaryAhead(pieces, i, after);
    if (atom.kind === "boundary") {
      // An optional space ("150\s?mg") may be absent: the word before it may run on, and the boundary
      // after it is only as sure as the one before it.
      flush(piece.required);
      if (piece.required) bounded = true;
      return;
    }
    flush(false);
    // "\d{2,}mg" at a word start needs a word starting with a digit.
    if (atom.kind === "digit") {
      if (piece.required && bounded) need.push(DIGIT_START);
      bounded = false;
      return;
    }
    if (atom.kind === "group") {
      const inner = atom.alternatives.map((alt) => sequenceNeed(alt, bounded, piece.once && next));
      if (piece.required) need.push(...eitherNeed(inner.map((r) => r.need)));
      const allEndBounded = inner.every((r) => r.endsBounded);
      bounded = piece.required ? piece.once && allEndBounded : bounded && allEndBounded;
      return;
    }
    // A letter repeated or optional, another character, a class, `.`: the word boundary is unknown.
    bounded = false;
  });
  flush(after);
  return { need, endsBounded: word === "" && bounded };
}

// Whether the text after piece `i` surely starts at a word boundary (lookarounds are skipped).
function boundaryAhead(pieces: readonly Piece[], i: number, after: boolean): boolean {
  for (let j = i + 1; j < pieces.length; j++) {
    const { atom, required } = pieces[j];
    if (atom.kind === "look") continue;
    return atom.kind === "boundary" && required;
  }
  return after;
}
