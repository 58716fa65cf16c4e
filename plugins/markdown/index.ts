/** Markdown in and out: escaping member text for markdown, and the one markdown → safe HTML renderer. */
export { escapeMarkdownInline } from "./escape-markdown.ts";
export { type RenderMarkdownOptions, renderMarkdown } from "./render-markdown.ts";
