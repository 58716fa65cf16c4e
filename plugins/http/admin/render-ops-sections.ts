import { LANES } from "../../discourse/lanes.ts";
import { formatShare, formatTime } from "./format.ts";
import { html, type SafeHtml } from "./html.ts";
import type { StatusData } from "./load-status.ts";
import { sectionBody } from "./section-body.ts";

const STATES = ["waiting", "prioritized", "active", "delayed", "failed"] as const;

/** API budget, queues and failed jobs, the onboarding funnel and this week's digest run. */
export function renderOpsSections(data: StatusData): SafeHtml {
  return html`<section id="budget"><h2>API budget</h2>${sectionBody(data.budget, "", (b) => html`
<p>${b.usedInWindow} of ${b.limit} calls used in the current minute (${b.crisisReserve} kept for crisis work only).${b.pausedUntil ? html` <strong>Paused by a 429 until ${formatTime(b.pausedUntil)}.</strong>` : ""}</p>
<meter min="0" max="${b.limit}" value="${b.usedInWindow}" high="${b.limit - b.crisisReserve}">${b.usedInWindow}/${b.limit}</meter>
<table><thead><tr><th>Lane</th><th>Waiting now</th><th>Calls by this process since it started</th></tr></thead>
<tbody>${b.lanes.map((l) => html`<tr><td>${l.lane}</td><td>${l.waiting}</td><td>${l.callsSinceStart}</td></tr>`)}</tbody></table>`)}</section>
<section id="queues"><h2>Queues and failed jobs</h2>${sectionBody(data.queues, "", (q) => html`
<table><thead><tr><th>Queue</th>${STATES.map((s) => html`<th>${s}</th>`)}</tr></thead>
<tbody>${q.queues.map((row) => html`<tr><td>${row.name}</td>${STATES.map((s) => html`<td>${row.counts[s] ?? 0}</td>`)}</tr>`)}</tbody></table>
${q.failed.length === 0 ? html`<p class="calm">No failed jobs.</p>` : html`<h3>Failed jobs (ids and errors only)</h3>
<table><thead><tr><th>Queue</th><th>Id</th><th>Job</th><th>Attempts</th><th>Failed at</th><th>Error</th></tr></thead>
<tbody>${q.failed.map((f) => html`<tr><td>${f.queue}</td><td><code>${f.id}</code></td><td>${f.name}</td><td>${f.attempts}</td><td>${formatTime(f.failedAt)}</td><td>${f.error}</td></tr>`)}</tbody></table>
<p class="muted">Retry one with <code>kindred jobs retry ID</code>.</p>`}`)}</section>
<section id="onboarding"><h2>Onboarding funnel, by week of welcome</h2>${sectionBody(data.funnel, "Onboarding is not enabled.", (weeks) => html`
<table><thead><tr><th>Week from</th><th>Welcomed</th><th>Answered the intake</th><th>Joined a group</th><th>Posted within 7 days</th></tr></thead>
<tbody>${weeks.map((w) => html`<tr><td>${w.from.toISOString().slice(0, 10)}</td><td>${w.welcomed}</td><td>${w.answered} (${formatShare(w.answered, w.welcomed)})</td><td>${w.joinedGroup} (${formatShare(w.joinedGroup, w.welcomed)})</td><td>${w.postedWithin7Days} (${formatShare(w.postedWithin7Days, w.welcomed)})</td></tr>`)}</tbody></table>`)}</section>
<section id="digest"><h2>This week's digest run</h2>${sectionBody(data.digest, "The weekly digest is not enabled.", (d) => {
    const sent = d.counts.sent ?? 0;
    const skipped = d.counts.skipped ?? 0;
    const total = sent + skipped + d.remaining;
    return html`<p>Week ${d.week ?? "— (no run yet)"}: ${sent} sent, ${skipped} skipped, ${d.remaining} to go; ${d.subscribers} subscribers (${d.paused} paused).</p>
<progress max="${Math.max(total, 1)}" value="${total === 0 ? 0 : sent + skipped}">${formatShare(sent + skipped, total)}</progress>
<p>${d.estimatedFinish ? `At about ${d.ratePerMinute.toFixed(1)} a minute, estimated to finish ${formatTime(d.estimatedFinish)}.` : "Nothing left to send."}</p>`;
  })}</section>
<p class="muted lanes-note">Lanes, highest priority first: ${LANES.join(", ")}.</p>`;
}
