import { html, type SafeHtml } from "./html.ts";
import type { Section } from "./load-status.ts";

/** A section's body, or one line saying why it is missing. */
export function sectionBody<T>(s: Section<T>, off: string, render: (data: T) => SafeHtml): SafeHtml {
  if (s.ok === "off") return html`<p class="muted">${off}</p>`;
  if (s.ok === false) return html`<p class="error">Could not be read: ${s.error}</p>`;
  return render(s.data);
}
