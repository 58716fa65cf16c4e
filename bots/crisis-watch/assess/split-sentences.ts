/**
 * Splits text into sentences for stage 2. Context (who, when, negation) is judged per sentence, so
 * the split errs towards shorter pieces: line breaks and sentence punctuation both end a sentence.
 */

/** Sentences of `text`, trimmed, empty ones dropped. Long run-on text is cut at 600 characters. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\n+/)) {
    for (const piece of line.split(/(?<=[.!?…。！？])\s+|(?<=[.!?])(?=[A-Z])/)) {
      const sentence = piece.trim();
      if (sentence === "") continue;
      // Posts without punctuation still need a bounded context window.
      if (sentence.length <= 600) out.push(sentence);
      else for (const chunk of sentence.match(/[\s\S]{1,600}(?:\s|$)/g) ?? [sentence]) out.push(chunk.trim());
    }
  }
  return out;
}
