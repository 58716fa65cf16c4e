import { describe, expect, it } from "vitest";
import { escapeMarkdownInline } from "../../../plugins/markdown/escape-markdown.ts";
import { renderMarkdown } from "../../../plugins/markdown/render-markdown.ts";

const FORUM = { forumUrl: "https://forum.example" };
const tagsOf = (html: string) => [...html.matchAll(/<[a-z][^>]*>/gi)].map((m) => m[0]);

describe("renderMarkdown", () => {
  it("should render ordinary markdown", () => {
    expect(renderMarkdown("**hi** _there_\n\n- one\n- two", FORUM)).toBe("<p><strong>hi</strong> <em>there</em></p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n");
  });

  it.each([
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="https://forum.example/t/1" onclick="steal()">x</a>',
    "<iframe src=https://evil.example></iframe>",
    "<style>body{display:none}</style>",
    '<div style="position:fixed">over</div>',
    "<svg onload=alert(1)>",
  ])("should keep raw HTML %j as visible text, never as markup", (html) => {
    const out = renderMarkdown(html, FORUM);
    for (const tag of tagsOf(out)) expect(tag).toMatch(/^<(p|br)\b/);
    expect(out).toContain("&lt;");
  });

  it.each([
    ["[x](javascript:alert(1))"],
    ["[x](JaVaScRiPt:alert(1))"],
    ["[x](data:text/html;base64,AAA)"],
    ["[x](vbscript:msgbox)"],
    ["[x](//evil.example/a)"],
    ["[x](https://evil.example/)"],
    ["[x](https://forum.example@evil.example/)"],
    ["<https://evil.example>"],
    ["https://evil.example/bare"],
  ])("should drop the target of %s and keep its words", (md) => {
    const out = renderMarkdown(md, FORUM);
    expect(out).not.toContain("href");
  });

  it("should keep forum links and allowlisted hosts, with rel=nofollow noopener", () => {
    const out = renderMarkdown("[a](https://forum.example/t/x/1) [b](/c/5) [c](https://findahelpline.com)", { ...FORUM, allowedHosts: ["findahelpline.com"] });
    expect(out).toContain('<a href="https://forum.example/t/x/1" rel="nofollow noopener">a</a>');
    expect(out).toContain('<a href="https://forum.example/c/5" rel="nofollow noopener">b</a>');
    expect(out).toContain('<a href="https://findahelpline.com/" rel="nofollow noopener">c</a>');
  });

  it("should drop images unless allowed, and then only from allowed hosts", () => {
    expect(renderMarkdown("![p](https://forum.example/i.png)", FORUM)).not.toContain("<img");
    const allowed = renderMarkdown("![p](https://forum.example/i.png) ![q](https://evil.example/t.png)", { ...FORUM, allowImages: true });
    expect(allowed).toContain('<img src="https://forum.example/i.png" alt="p" />');
    expect(allowed).not.toContain("evil.example");
  });

  it("should link nothing without a forum URL or allowlist", () => {
    expect(renderMarkdown("[a](https://forum.example/t/1)")).not.toContain("href");
  });

  it("should render escaped member text literally: link, image and mention tricks stay text", () => {
    const hostile = "[click](javascript:alert(1)) ![i](https://evil.example/p.png) @everyone <b onmouseover=x>hi</b>";
    const out = renderMarkdown(`Thanked by ${escapeMarkdownInline(hostile)}`, FORUM);
    expect(tagsOf(out)).toEqual(["<p>"]);
    expect(out).toContain("[click](javascript:alert(1))");
    expect(out).toContain("@everyone");
  });

  it("should survive a mention storm without making links", () => {
    const storm = Array.from({ length: 500 }, (_, i) => `@user${i}`).join(" ");
    const out = renderMarkdown(escapeMarkdownInline(storm), FORUM);
    expect(out).not.toContain("<a");
    expect(out.match(/@user/g)?.length).toBe(500);
  });
});
