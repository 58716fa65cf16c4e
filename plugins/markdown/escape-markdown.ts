/**
 * Makes text that came from a member (a username, a topic title, an excerpt) safe to put inside
 * markdown Kindred sends: it stays the same words, but cannot become a link, an image, HTML, a
 * heading, a list, a quote, an @mention or a #hashtag that notifies people (issues #4 and #6).
 *
 * Markdown punctuation is backslash-escaped (Discourse's markdown-it honours `\@` and `\#`), HTML
 * angle brackets become entities, line breaks become spaces, and bare URLs get a zero-width space
 * so linkify leaves them as text.
 *
 * @example escapeMarkdownInline("[click](javascript:alert(1)) @everyone") // "\[click\]\(javascript:\u200b…"
 */
export function escapeMarkdownInline(text: string): string {
  return String(text)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "")
    .replace(/\r?\n|\r/g, " ")
    .replace(/[\\`*_{}[\]()#+\-.!|~:@=^$%&'"]/g, (c) => `\\${c}`)
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/:\\?\/\\?\//g, ":\u200b//")
    .replace(/\bwww\\?\./gi, (m) => `${m.slice(0, 3)}\u200b${m.slice(3)}`)
    .trim();
}
