/**
 * A cue found in a sentence, with the context stage 2 read around it.
 */
import type { CompiledCue } from "./lexicon-types.ts";
import type { Level, When, Who } from "./types.ts";

/** One stage-1 match plus its stage-2 context and the level it supports. */
export interface Hit {
  cue: CompiledCue;
  /** The folded words that matched. */
  matched: string;
  /** Index of the sentence in the post (own sentences first, then quoted ones). */
  sentence: number;
  /** The original sentence text. */
  text: string;
  who: Who;
  /** False when no subject was named and the post's stance decided `who`. */
  whoExplicit: boolean;
  when: When;
  negated: boolean;
  hypothetical: boolean;
  /** The sentence is harm-reduction education or about a book, film, news… */
  framed: "education" | "media" | null;
  quoted: boolean;
  /** A plan frame ("going to", "planning to") leads into the cue. */
  intentFrame: boolean;
  /** The sentence laughs at itself ("lol", "😂"): hyperbole unless it also names the present. */
  joke: boolean;
  /** The sentence itself names the present ("tonight", "right now", "just took"). */
  nowInSentence: boolean;
  /** Written in a language other than English, Spanish or French. */
  unreadableLanguage: boolean;
  level: Level;
  /** Context notes for the moderators' "why" ("negated", "told as an old story"…). */
  notes: string[];
}
