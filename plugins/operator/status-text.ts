import { LANE_WORDS } from "../../bots/crisis-watch/lane-words.ts";
import { formatAge, formatMinutes, formatShare, formatTime } from "../http/admin/format.ts";
import type { Section, StatusData } from "../http/admin/load-status.ts";

function block<T>(title: string, s: Section<T>, render: (data: T) => string[]): string[] {
  if (s.ok === "off") return [];
  if (s.ok === false) return [title, `  could not be read: ${s.error}`];
  return [title, ...render(s.data).map((line) => `  ${line}`)];
}

const lane = (name: string) => LANE_WORDS[name as keyof typeof LANE_WORDS] ?? name;

/** `kindred status`: the /admin page's numbers as plain text (no post text, no usernames of members). */
export function statusText(data: StatusData): string[] {
  return [
    `Kindred status at ${formatTime(data.now)}`,
    ...block("Open crisis flags", data.crisis, (c) =>
      c.open.length === 0
        ? ["none"]
        : c.open.map((f) => `#${f.id} ${f.level} (${f.lanes.map(lane).join(", ") || "unclear"}), raised ${formatAge(data.now.getTime() - f.createdAt.getTime())} ago, escalation step ${f.step}, ${f.actedAt ? "acted on" : "no moderator action yet"}: ${data.forumUrl}${f.forumPath}`),
    ),
    ...block("Time to first moderator action, last 4 weeks", data.crisis, (c) => [`median ${formatMinutes(c.firstAction.median)}, p90 ${formatMinutes(c.firstAction.p90)}, ${c.firstAction.count} alerts acted on`]),
    ...block("Moderators' decisions by lane", data.crisis, (c) =>
      Object.entries(c.byLane).map(([name, n]) => `${lane(name)}: agreed ${n.agreed}, disagreed ${n.disagreed} (agree ${formatShare(n.agreed, n.agreed + n.disagreed)})`),
    ),
    ...block("API budget", data.budget, (b) => [
      `${b.usedInWindow}/${b.limit} calls this minute (${b.crisisReserve} for crisis only)${b.pausedUntil ? `, paused until ${formatTime(b.pausedUntil)}` : ""}`,
      `waiting: ${b.lanes.map((l) => `${l.lane} ${l.waiting}`).join(", ")}`,
    ]),
    ...block("Queues", data.queues, (q) => [
      ...q.queues.map((row) => `${row.name}: ${Object.entries(row.counts).map(([state, n]) => `${state} ${n}`).join(", ")}`),
      ...q.failed.map((f) => `failed ${f.queue} ${f.id} ${f.name} (${f.attempts} attempts): ${f.error}`),
    ]),
    ...block("Onboarding funnel (welcomed → answered → joined a group → posted ≤7 d)", data.funnel, (weeks) =>
      weeks.map((w) => `${w.from.toISOString().slice(0, 10)}: ${w.welcomed} → ${w.answered} → ${w.joinedGroup} → ${w.postedWithin7Days}`),
    ),
    ...block("This week's digest", data.digest, (d) => [
      `week ${d.week ?? "none yet"}: sent ${d.counts.sent ?? 0}, skipped ${d.counts.skipped ?? 0}, to go ${d.remaining}${d.estimatedFinish ? `, estimated finish ${formatTime(d.estimatedFinish)}` : ""}`,
    ]),
  ];
}
