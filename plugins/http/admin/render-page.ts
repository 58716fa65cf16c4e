import { html, type SafeHtml } from "./html.ts";

/** The page shell: own stylesheet and scripts only (the Content-Security-Policy allows nothing else). */
export function renderPage(options: { title: string; body: SafeHtml; charts?: boolean }): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${options.title}</title>
<link rel="stylesheet" href="/admin/assets/admin.css">
${options.charts ? html`<link rel="stylesheet" href="/admin/assets/uPlot.min.css">
<script src="/admin/assets/uPlot.iife.min.js" defer></script>
<script src="/admin/assets/charts.js" defer></script>` : ""}
</head>
<body>
${options.body}
</body>
</html>
`.value;
}

/** A page with one message: refusals, expired sign-ins, missing configuration. */
export function renderMessagePage(options: { title: string; lines: string[]; retry?: boolean; forumUrl?: string }): string {
  return renderPage({
    title: `${options.title} · Kindred`,
    body: html`<main class="message">
<h1>${options.title}</h1>
${options.lines.map((line) => html`<p>${line}</p>`)}
<p>${options.retry ? html`<a href="/admin/login">Sign in again</a>` : ""}${options.retry && options.forumUrl ? " · " : ""}${options.forumUrl ? html`<a href="${options.forumUrl}">Back to the forum</a>` : ""}</p>
</main>`,
  });
}
