import type { Intent } from "./read-intent.ts";

/** An answer: an option id (kind one), option ids (kind many) or a "YYYY-MM-DD" day (kind date). */
export type AnswerValue = string | string[];

/** What the parser read in one intake reply. */
export interface ParsedReply {
  /** Set when the whole reply was a word like "skip", "go on" or "no thanks"; then nothing else is read. */
  intent?: Intent;
  /** Question id → answer, for what could be read with confidence. */
  answers: Record<string, AnswerValue>;
  /** Questions the member explicitly skipped ("skip 3", "3. pass"). */
  skipped: string[];
  /** Questions the member tried to answer but that could not be read (two different answers, or words
   * under a question number that mean nothing to it): these are the ones asked again. */
  unclear: string[];
  /** Numbers that are no option in the list (e.g. "42"). */
  invalidNumbers: number[];
  /** True when nothing at all could be read: no answer, no skip, no intent. */
  readNothing: boolean;
}

/** Settings the parser needs besides the questions. */
export interface ParseOptions {
  /** The member's local day ("YYYY-MM-DD"), for "yesterday" and dates without a year. */
  today: string;
  dateOrder: "mdy" | "dmy";
}
