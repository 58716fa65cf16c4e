/**
 * Parses the C-SSRS `Post` cell: a Python list literal of strings (`['a', "b's"]`) with backslash
 * escapes. Robust to the 28 cells cut at 32,767 characters by a spreadsheet: an unterminated last
 * string is kept as far as it goes.
 */
const ESCAPES: Readonly<Record<string, string>> = { n: "\n", t: "\t", r: "\r", "\\": "\\", "'": "'", '"': '"' };

/** The strings of a Python list literal; a cell that is not a list is returned as one post. */
export function parsePythonList(cell: string): string[] {
  const src = cell.trim();
  if (!src.startsWith("[")) return src === "" ? [] : [src];
  const out: string[] = [];
  let i = 1;
  while (i < src.length) {
    const ch = src[i];
    if (ch === "'" || ch === '"') {
      let value = "";
      i++;
      while (i < src.length && src[i] !== ch) {
        if (src[i] === "\\" && i + 1 < src.length) {
          const next = src[i + 1];
          value += ESCAPES[next] ?? `\\${next}`;
          i += 2;
        } else value += src[i++];
      }
      out.push(value);
      i++;
    } else if (ch === "]") break;
    else i++;
  }
  return out;
}
