import { LANE_WORDS } from "../../../bots/crisis-watch/lane-words.ts";
import type { AdminSession } from "./admin-session.ts";
import { formatAge, formatMinutes, formatShare, formatTime } from "./format.ts";
import { html, jsonForScript, type SafeHtml } from "./html.ts";
import type { StatusData } from "./load-status.ts";
import type { CrisisStatus } from "./load-crisis-status.ts";
import { renderPage } from "./render-page.ts";
import { renderOpsSections } from "./render-ops-sections.ts";
import { sectionBody } from "./section-body.ts";

const laneWord = (lane: string) => LANE_WORDS[lane as keyof typeof LANE_WORDS] ?? lane;

function escalation(step: number, next: Date | null, now: Date): string {
  const done = step === 0 ? "moderators told" : `${step} escalation message${step === 1 ? "" : "s"} sent`;
  return next ? `${done}; next in ${formatAge(next.getTime() - now.getTime())}` : done;
}

function flagsTable(crisis: CrisisStatus, data: StatusData): SafeHtml {
  if (crisis.open.length === 0) return html`<p class="calm">No open crisis flags.</p>`;
  return html`<table class="flags">
<thead><tr><th>Raised</th><th>Age</th><th>Level</th><th>Lanes</th><th>Escalation step</th><th>First moderator action</th><th>On the forum</th></tr></thead>
<tbody>${crisis.open.map(
    (f) => html`<tr class="level-${f.level}" data-alert-id="${f.id}">
<td>${formatTime(f.createdAt)}</td><td>${formatAge(data.now.getTime() - f.createdAt.getTime())}</td>
<td><span class="badge badge-${f.level}">${f.level}</span></td><td>${f.lanes.map(laneWord).join(", ") || "unclear"}</td>
<td>${escalation(f.step, f.nextEscalationAt, data.now)}</td>
<td>${f.actedAt ? `after ${formatAge(f.actedAt.getTime() - f.createdAt.getTime())}` : "none yet"}</td>
<td><a href="${data.forumUrl}${f.forumPath}">${f.forumPath.startsWith("/review") ? "Open in the review queue" : "Open the post"}</a></td>
</tr>`,
  )}</tbody></table>`;
}

function firstActionSection(crisis: CrisisStatus): SafeHtml {
  const { days, median, p90, count } = crisis.firstAction;
  const points = days.map((d) => [Date.parse(`${d.day}T00:00:00Z`) / 1000, d.median, d.max]);
  const withData = days.filter((d) => d.count > 0);
  return html`<p>Median ${formatMinutes(median)}, 90th percentile ${formatMinutes(p90)}, over ${count} alert${count === 1 ? "" : "s"} a moderator acted on.</p>
<div id="first-action-chart" class="chart" role="img" aria-label="Minutes to first moderator action per day"></div>
<script type="application/json" id="first-action-data">${jsonForScript(points)}</script>
<details${withData.length > 0 && withData.length <= 7 ? " open" : ""}><summary>As a table</summary>
${withData.length === 0 ? html`<p class="muted">No alert was acted on in the last 4 weeks.</p>` : html`<table><thead><tr><th>Day</th><th>Alerts acted on</th><th>Median</th><th>Slowest</th></tr></thead>
<tbody>${withData.map((d) => html`<tr><td>${d.day}</td><td>${d.count}</td><td>${formatMinutes(d.median)}</td><td>${formatMinutes(d.max)}</td></tr>`)}</tbody></table>`}
</details>`;
}

function decisionsTable(crisis: CrisisStatus): SafeHtml {
  const lanes = Object.entries(crisis.byLane);
  if (lanes.length === 0) return html`<p class="muted">No alerts in the last 4 weeks.</p>`;
  return html`<table><thead><tr><th>Lane</th><th>Agreed</th><th>Disagreed</th><th>Agree rate</th><th>Disagree rate</th></tr></thead>
<tbody>${lanes.map(([lane, n]) => html`<tr><td>${laneWord(lane)}</td><td>${n.agreed}</td><td>${n.disagreed}</td><td>${formatShare(n.agreed, n.agreed + n.disagreed)}</td><td>${formatShare(n.disagreed, n.agreed + n.disagreed)}</td></tr>`)}</tbody></table>`;
}

/** The whole status page: server-rendered tables that work without JavaScript, one chart drawn by uPlot. */
export function renderStatusPage(data: StatusData, session: AdminSession): string {
  const off = "Crisis watch is not enabled.";
  const body = html`<header>
<h1>Kindred status</h1>
<p>Signed in as <strong>${session.username}</strong> (${session.role}). Read at ${formatTime(data.now)}. <a href="/admin">Refresh</a></p>
<form method="post" action="/admin/logout"><button type="submit">Sign out</button></form>
</header>
<main>
<section id="flags"><h2>Open crisis flags</h2>
<p class="muted">No post text here: each flag links to the forum's review queue, where moderators see what the forum shows them.</p>
${sectionBody(data.crisis, off, (c) => flagsTable(c, data))}</section>
<section id="first-action"><h2>Time to first moderator action, last 4 weeks</h2>${sectionBody(data.crisis, off, firstActionSection)}</section>
<section id="decisions"><h2>Moderators' decisions by lane, last 4 weeks</h2>${sectionBody(data.crisis, off, decisionsTable)}</section>
${renderOpsSections(data)}
</main>`;
  return renderPage({ title: "Kindred status", body, charts: true });
}
