/** A piece of a reply, with the question number it was written under, if any. */
export interface Segment {
  /** 1-based question number ("2. SMART" → 2). */
  label?: number;
  text: string;
}

const LINE_LABEL = /^\s*(?:q(?:uestion)?\s*|#)?(\d{1,2})\s*[.):=]\s*(?=\S)/;
const INLINE_LABEL = /^\s*(?:q(?:uestion)?\s*|#)?(\d{1,2})\s*[:=)]\s*(?=\S)/;

/**
 * Splits a reply into lines and, within a line, comma-separated parts; a part that starts with a
 * question number and ":" ")" "=" (or "." at the start of a line) is read as the answer to that
 * question. "2, 4" has no labels: those are option numbers.
 */
export function splitSegments(folded: string, questionCount: number): Segment[] {
  const segments: Segment[] = [];
  const inRange = (n: number) => n >= 1 && n <= questionCount;
  for (const line of folded.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const lineLabel = LINE_LABEL.exec(line);
    // "1: both, 2: SMART" labels each part; "1. both, SMART" labels the whole line.
    const inlineCount = line.split(/[,;]/).filter((part) => INLINE_LABEL.test(part)).length;
    if (lineLabel && inRange(+lineLabel[1]) && inlineCount < 2) {
      segments.push({ label: +lineLabel[1], text: line.slice(lineLabel[0].length) });
      continue;
    }
    const parts = line.split(/([,;])/);
    let current: Segment | undefined;
    for (const part of parts) {
      if (part === "," || part === ";") {
        if (current) current.text += part;
        continue;
      }
      const inline = INLINE_LABEL.exec(part);
      if (inline && inRange(+inline[1])) {
        current = { label: +inline[1], text: part.slice(inline[0].length) };
        segments.push(current);
      } else {
        current = { text: part };
        segments.push(current);
      }
    }
  }
  return segments;
}
