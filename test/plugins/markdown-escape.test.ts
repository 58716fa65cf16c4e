import { describe, expect, it } from "vitest";
import { escapeMarkdownInline } from "../../plugins/markdown/escape-markdown.ts";

describe("escapeMarkdownInline", () => {
  it.each([
    ["[click](javascript:alert(1))", /^\\\[click\\\]\\\(javascript\\:/],
    ["![img](https://evil.example/x.png)", /^\\!\\\[img\\\]/],
    ["@everyone @moderators", /^\\@everyone \\@moderators$/],
    ["#private-category", /^\\#private\\-category$/],
    ["<script>alert(1)</script>", /^&lt;script&gt;alert\\\(1\\\)&lt;\/script&gt;$/],
    ["line one\n# heading\n> quote", /^line one \\# heading &gt; quote$/],
  ])("should neutralise %j", (input, pattern) => {
    expect(escapeMarkdownInline(input)).toMatch(pattern);
  });

  it("should break bare links so linkify leaves them as text", () => {
    expect(escapeMarkdownInline("see https://evil.example now")).toContain(":\u200b//");
    expect(escapeMarkdownInline("www.evil.example")).toContain("www\u200b");
  });

  it("should keep ordinary names readable", () => {
    expect(escapeMarkdownInline("Sam")).toBe("Sam");
    expect(escapeMarkdownInline("José García")).toBe("José García");
  });
});
