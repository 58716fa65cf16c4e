/**
 * Lower-case, accents gone (é → e, ñ → n), curly quotes straight: how intake replies and the words in
 * the questions file are compared, so "Sí", "si" and "SI" read the same. Punctuation and emoji stay;
 * the length may change, so fold once and work on the folded string.
 */
export function foldText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, "-");
}

/** Punctuation to spaces (emoji kept, "+" dropped so "LGBTQ+" is "lgbtq"), spaces collapsed. */
export function wordsOnly(folded: string): string {
  return folded
    .replace(/[^\p{L}\p{N}\p{Extended_Pictographic}\s]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Replaces `[start, end)` with spaces, so other offsets in the string stay valid. */
export function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + " ".repeat(end - start) + text.slice(end);
}
