/**
 * A small imitation of Discourse's cooking (raw markdown → `cooked` HTML), enough for bots that
 * read `cooked`: paragraphs, line breaks and `[quote]` blocks become Discourse's
 * `<aside class="quote">`. Everything is HTML-escaped first, so member text never becomes markup.
 */

const QUOTE = /\[quote(?:="([^"\]]*)")?\]([\s\S]*?)\[\/quote\]/g;

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** HTML-escapes text. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

function paragraphs(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((block) => block.trim())
    .filter((block) => block.length > 0)
    .map((block) => `<p>${escapeHtml(block).replace(/\n/g, "<br>\n")}</p>`)
    .join("\n");
}

/** Cooks raw markdown into the HTML shape Discourse produces for plain text and quotes. */
export function cook(raw: string): string {
  const parts: string[] = [];
  let last = 0;
  for (const match of raw.matchAll(QUOTE)) {
    parts.push(paragraphs(raw.slice(last, match.index)));
    const [username = "", post = "", topic = ""] = (match[1] ?? "").split(",").map((s) => s.trim());
    const postNumber = post.replace(/^post:/, "");
    const topicId = topic.replace(/^topic:/, "");
    parts.push(
      `<aside class="quote no-group" data-username="${escapeHtml(username)}" data-post="${escapeHtml(postNumber)}" data-topic="${escapeHtml(topicId)}">\n` +
        `<div class="title">\n<div class="quote-controls"></div>\n${escapeHtml(username)}:</div>\n` +
        `<blockquote>\n${paragraphs(match[2])}\n</blockquote>\n</aside>`,
    );
    last = (match.index ?? 0) + match[0].length;
  }
  parts.push(paragraphs(raw.slice(last)));
  return parts.filter((p) => p.length > 0).join("\n");
}

/** Plain-text excerpt of cooked HTML, as `PrettyText.excerpt` (quotes left out), at most `max` chars. */
export function excerpt(cooked: string, max = 300): string {
  const text = cooked
    .replace(/<aside class="quote[\s\S]*?<\/aside>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > max ? `${text.slice(0, max)}&hellip;` : text;
}

/** Discourse-style slug: lowercase ascii words joined by dashes; `topic` when nothing is left. */
export function slugify(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug.length > 0 ? slug : "topic";
}
