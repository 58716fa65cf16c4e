import type { IntakeQuestion } from "../../../config/onboarding/question-schema.ts";
import { blank, wordsOnly } from "./fold-text.ts";
import { isYesNo, punctuationToSpaces, type WordHit } from "./match-words.ts";

const YES = new Set(["yes", "yeah", "yep", "yup", "sure", "please", "ok", "okay", "si", "oui", "claro", "vale", "ouais", "👍", "✅"]);
/** Weaker than a no in the same clause: "I would rather not share" is a no. */
const SOFT_YES = new Set(["happy", "fine", "love", "like", "want", "would", "glad"]);
const NO = new Set(["no", "nope", "nah", "not", "dont", "don", "non", "pas", "rather", "without", "👎", "❌"]);
const CLAUSE = /[^,;.!?\n]+/g;
const JOINERS = /\s(?:and|but|y|pero|et|mais)\s/;

/**
 * Reads yes/no questions from clauses that name them: "weekly note yes", "no to the digest", "happy
 * to share with a greeter", "oui pour la note hebdo". A clause answers a question when it holds one
 * of the question's `topicWords` and yes-words or no-words but not both.
 */
export function readYesNo(text: string, questions: readonly IntakeQuestion[]): { hits: WordHit[]; rest: string } {
  let rest = text;
  const hits: WordHit[] = [];
  const yesNo = questions.filter((q) => isYesNo(q) && q.topicWords.length > 0);
  if (yesNo.length === 0) return { hits, rest };
  for (const m of [...text.matchAll(CLAUSE)]) {
    let offset = m.index ?? 0;
    for (const clause of m[0].split(JOINERS)) {
      const start = m[0].indexOf(clause, offset - (m.index ?? 0)) + (m.index ?? 0);
      offset = start + clause.length;
      const words = wordsOnly(punctuationToSpaces(clause).replace(/\b(don t|dont|do not) mind\b/g, "fine")).split(" ");
      const question = yesNo.find((q) => q.topicWords.some((t) => containsPhrase(words, wordsOnly(t))));
      if (!question) continue;
      const strongYes = words.some((w) => YES.has(w));
      const no = words.some((w) => NO.has(w));
      const yes = strongYes || (!no && words.some((w) => SOFT_YES.has(w)));
      if (yes === no) continue;
      hits.push({ questionId: question.id, optionId: yes ? "yes" : "no", start, end: start + clause.length });
      rest = blank(rest, start, start + clause.length);
    }
  }
  return { hits, rest };
}

function containsPhrase(words: string[], phrase: string): boolean {
  const parts = phrase.split(" ");
  for (let i = 0; i + parts.length <= words.length; i++) {
    if (parts.every((p, j) => words[i + j] === p)) return true;
  }
  return false;
}
