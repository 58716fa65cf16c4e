import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

/** Options of {@link renderMarkdown}. */
export interface RenderMarkdownOptions {
  /**
   * The forum's base URL: links to it are kept, and relative links (`/c/5`) are resolved against it.
   * Without it, only `allowedHosts` are linkable.
   */
  forumUrl?: string;
  /** Other hosts links may point to (exact host names, e.g. `findahelpline.com`). @defaultValue [] */
  allowedHosts?: readonly string[];
  /**
   * Keep images (still only from the forum or `allowedHosts`, over http(s)). Off by default: an image
   * URL is a tracking pixel and a way to show something nobody chose.
   * @defaultValue false
   */
  allowImages?: boolean;
}

// Only what a message needs. Nothing here can run code, load anything, or style the page.
const TEXT_TAGS = ["p", "br", "strong", "em", "b", "i", "del", "s", "code", "pre", "blockquote", "ul", "ol", "li", "h1", "h2", "h3", "h4", "hr", "a"];

// One parser for the whole process, with raw HTML in markdown turned into visible text: what a
// member typed as `<b onclick=…>` should read as that, not vanish (sanitize-html is the second wall).
const marked = new Marked({ gfm: true, breaks: false, async: false });
marked.use({
  renderer: {
    html: ({ text }) => escapeHtml(text),
  },
});

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The http(s) URL `raw` points to, resolved against the forum, or undefined when it may not be used. */
function allowedUrl(raw: string | undefined, forumUrl: URL | undefined, hosts: ReadonlySet<string>): string | undefined {
  if (!raw) return undefined;
  let url: URL;
  try {
    // Protocol-relative and scheme-less tricks resolve against the forum, or fail without one.
    url = forumUrl ? new URL(raw, forumUrl) : new URL(raw);
  } catch {
    return undefined;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return undefined;
  if (url.username || url.password) return undefined;
  const host = url.hostname.toLowerCase();
  if (forumUrl && host === forumUrl.hostname.toLowerCase()) return url.href;
  return hosts.has(host) ? url.href : undefined;
}

/**
 * Turns markdown into HTML that is safe to show anywhere: the one renderer Kindred has (issue #6,
 * "Rendering"); no bot builds HTML itself. `marked` parses, then `sanitize-html` keeps a strict
 * allowlist: no scripts, styles, iframes or event handlers; links only over http(s) to the forum or
 * `allowedHosts`, each with `rel="nofollow noopener"`; other links become plain text; images only
 * when `allowImages` is set, from the same hosts.
 *
 * @example renderMarkdown("[the forum](https://forum.example/latest)", { forumUrl: "https://forum.example" })
 * // '<p><a href="https://forum.example/latest" rel="nofollow noopener">the forum</a></p>\n'
 */
export function renderMarkdown(md: string, options: RenderMarkdownOptions = {}): string {
  const forumUrl = options.forumUrl ? new URL(options.forumUrl) : undefined;
  const hosts = new Set((options.allowedHosts ?? []).map((h) => h.toLowerCase()));
  const allowImages = options.allowImages === true;
  const html = marked.parse(String(md)) as string;
  return sanitizeHtml(html, {
    allowedTags: allowImages ? [...TEXT_TAGS, "img"] : TEXT_TAGS,
    allowedAttributes: { a: ["href", "rel"], img: ["src", "alt"] },
    allowedSchemes: ["http", "https"],
    allowedSchemesAppliedToAttributes: ["href", "src"],
    allowProtocolRelative: false,
    disallowedTagsMode: "discard",
    transformTags: {
      a: (_tag, attribs): sanitizeHtml.Tag => {
        const href = allowedUrl(attribs.href, forumUrl, hosts);
        // A link that may not be followed keeps its words and loses its target.
        return href ? { tagName: "a", attribs: { href, rel: "nofollow noopener" } } : { tagName: "span", attribs: {} };
      },
      img: (_tag, attribs): sanitizeHtml.Tag => {
        const src = allowImages ? allowedUrl(attribs.src, forumUrl, hosts) : undefined;
        return src ? { tagName: "img", attribs: { src, alt: attribs.alt ?? "" } } : { tagName: "span", attribs: {} };
      },
    },
  });
}
