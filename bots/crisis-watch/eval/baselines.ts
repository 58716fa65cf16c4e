/**
 * The two baselines issue #3 compares against, measured in the same run as Kindred's detector:
 * the plain 10-phrase keyword list of `public/README.md` (substring match), and "watched words":
 * every phrase of the public youth_suicide_lexicon tokens file matched as a bare word, the way a
 * Discourse watched-word flag rule would. A baseline match is a flag, reported as `review`.
 */
import type { Level } from "../assess/index.ts";
import { parseCsvObjects } from "./parse-csv.ts";

/** A detector under evaluation: text in, level (and lanes when known) out. */
export type Classifier = (text: string) => { level: Level; lanes?: readonly string[] };

/** The plain keyword list quoted in `public/README.md`. */
export const KEYWORD_LIST: readonly string[] = Object.freeze([
  "kill myself", "suicide", "suicidal", "end it all", "overdose", "overdosed", "want to die", "self harm", "cut myself", "no reason to live",
]);

/** Substring match of `KEYWORD_LIST`, case-insensitive. */
export function keywordClassifier(): Classifier {
  return (text) => {
    const lower = text.toLowerCase();
    return { level: KEYWORD_LIST.some((k) => lower.includes(k)) ? "review" : "none" };
  };
}

/**
 * Watched words from `youth_suicide_lexicon_tokens.csv` (column `token`), each matched as a whole
 * word, case-insensitive, as Discourse's watched words do.
 */
export function watchedWordsClassifier(tokensCsv: string): Classifier {
  const tokens = parseCsvObjects(tokensCsv)
    .map((r) => (r.token ?? "").trim().toLowerCase())
    .filter((t) => t !== "");
  const escaped = [...new Set(tokens)].sort((a, b) => b.length - a.length).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join("|")})(?![\\p{L}\\p{N}])`, "iu");
  return (text) => ({ level: re.test(text) ? "review" : "none" });
}

/** The number of watched-word terms the classifier was built from (for the printout). */
export function countWatchedWords(tokensCsv: string): number {
  return new Set(parseCsvObjects(tokensCsv).map((r) => (r.token ?? "").trim().toLowerCase()).filter((t) => t !== "")).size;
}
