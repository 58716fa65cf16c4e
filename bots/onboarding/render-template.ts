import { escapeMarkdownInline } from "../../plugins/markdown/escape-markdown.ts";
import { MEMBER_TEXT_PLACEHOLDERS } from "../../config/onboarding/template-names.ts";

/**
 * Fills `{{name}}` placeholders in a markdown template. Values for member-supplied placeholders
 * (`username`) are escaped so a name like `[x](javascript:…)` or `@everyone` stays plain text; the
 * other values are Kindred's own markdown (links from config, the resource card, the question list).
 * A placeholder without a value becomes empty; blank-line runs left behind collapse.
 *
 * @example renderTemplate("Hi {{username}}", { username: "@all" }) // "Hi \\@all"
 */
export function renderTemplate(template: string, values: Record<string, string | undefined>): string {
  return template
    .replace(/\{\{\s*([a-zA-Z]+)\s*\}\}/g, (_m, name: string) => {
      const value = values[name] ?? "";
      return MEMBER_TEXT_PLACEHOLDERS.has(name) ? escapeMarkdownInline(value) : value;
    })
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** A forum path ("/c/introductions") as a full URL; full URLs pass through. */
export function forumLink(forumUrl: string, pathOrUrl: string): string {
  return /^https?:\/\//.test(pathOrUrl) ? pathOrUrl : `${forumUrl.replace(/\/+$/, "")}/${pathOrUrl.replace(/^\/+/, "")}`;
}
