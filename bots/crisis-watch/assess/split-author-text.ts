/**
 * Separates the author's own words from quoted words in a post's raw markdown (or cooked HTML).
 *
 * Quotes (`[quote]…[/quote]`, markdown `>` lines, cooked `aside.quote` and `blockquote`) are someone
 * else's words and must not decide the author's level (LABELS.md). `[details]` blocks are the
 * author's own words, only collapsed, so their content is kept.
 */

/** The author's text and the quoted passages, both still raw. */
export interface AuthorText {
  own: string;
  quoted: string[];
}

const BB_QUOTE = /\[quote(?:=[^\]]*)?\]((?:(?!\[quote[\]=])[\s\S])*?)\[\/quote\]/gi;
const HTML_QUOTE = /<(aside|blockquote)\b[^>]*>((?:(?!<(?:aside|blockquote)\b)[\s\S])*?)<\/\1>/gi;
const QUOTE_TITLE = /<div class="(?:title|quote-controls)"[\s\S]*?<\/div>/gi;
const BB_KEEP_TAGS = /\[\/?(?:details|spoiler|spoilers|blur|wrap|center|right|left|size|color|b|i|u|s)(?:=[^\]]*)?\]/gi;
const ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", apos: "'", nbsp: " " };

/**
 * Splits a post into the author's own text and quoted passages.
 *
 * @example splitAuthorText('[quote="lee"]I want out[/quote]\nHang in there').own // "\nHang in there"
 */
export function splitAuthorText(raw: string): AuthorText {
  const quoted: string[] = [];
  let text = raw;
  const take = (re: RegExp, group: number) => {
    // Innermost first, repeated, so nested quotes come out whole.
    for (let guard = 0; guard < 20; guard++) {
      let found = false;
      text = text.replace(re, (...m: string[]) => {
        found = true;
        quoted.push(m[group]);
        return "\n";
      });
      if (!found) break;
    }
  };
  take(BB_QUOTE, 1);
  if (/<\/?[a-z][^>]*>/i.test(text)) {
    text = text.replace(QUOTE_TITLE, "");
    take(HTML_QUOTE, 2);
    text = text
      .replace(/<(?:br|\/p|\/div|\/li|\/h\d|\/details|\/summary)\s*\/?>/gi, "\n")
      .replace(/<[^>]+>/g, " ")
      .replace(/&(#?\w+);/g, (m, name: string) => ENTITIES[name] ?? m);
  }
  const own: string[] = [];
  for (const line of text.split("\n")) {
    // "&gt;" is how some exports escape a markdown quote marker.
    if (/^\s*(?:>|&gt;)/.test(line)) quoted.push(line.replace(/^\s*(?:>|&gt;)+\s?/, ""));
    else own.push(line);
  }
  return {
    own: own.join("\n").replace(BB_KEEP_TAGS, "\n"),
    quoted: quoted.map((q) => q.replace(BB_KEEP_TAGS, "\n").replace(/<[^>]+>/g, " ")),
  };
}
