/**
 * What a member wrote themselves: Discourse quotes (`[quote]…[/quote]`, nested too) and markdown `>`
 * lines are someone else's words, so commands and intake answers ignore them.
 */
export function ownWords(raw: string): string {
  let text = raw;
  // Innermost first, so nested quotes come out whole.
  for (let i = 0; i < 10 && /\[quote[^\]]*\][\s\S]*?\[\/quote\]/i.test(text); i++) {
    text = text.replace(/\[quote(?:=[^\]]*)?\](?:(?!\[quote)[\s\S])*?\[\/quote\]/gi, " ");
  }
  return text
    .split("\n")
    .filter((line) => !/^\s*>/.test(line))
    .join("\n")
    .trim();
}

/** Lower-case, accents and punctuation gone, spaces collapsed: how commands are compared. */
export function normalizeCommand(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}
