/**
 * Composing 10 000 weekly digests from a generated forum (issue #6, "How it will be checked"):
 * - CPU time (process.cpuUsage, user + system) under 5 s for the whole run;
 * - forum calls ≤ 1.1 per member: the bulk reads (≤ 0.1 per member) plus one PM each,
 *   counted by a fake of the client that answers in Discourse's shapes.
 *
 * Run: node test/bench/digest-compose.bench.ts [members]
 */
import { anonymousMatcher, buildDigest, type DigestEnvironment } from "../../bots/weekly-digest/build-digest.ts";
import { createDigestForum } from "../../bots/weekly-digest/digest-forum.ts";
import { loadForumSnapshot } from "../../bots/weekly-digest/forum-snapshot.ts";
import { indexSnapshot } from "../../bots/weekly-digest/member-view.ts";
import { loadDigestTexts } from "../../bots/weekly-digest/texts.ts";
import { loadConfig } from "../../config/index.ts";
import { countingClient, generateForum } from "../bots/weekly-digest/generate-forum.ts";

const MEMBERS = Number(process.argv[2] ?? 10_000);
const CPU_LIMIT_S = 5;
const CALLS_PER_MEMBER = 1.1;
const READS_PER_MEMBER = 0.1;
const ZONES = ["UTC", "America/Chicago", "Europe/London", "Australia/Sydney", "America/Los_Angeles", "Asia/Kolkata"];

const forum = generateForum(MEMBERS);
const config = loadConfig({});
const env: DigestEnvironment = {
  settings: config.digest,
  texts: loadDigestTexts(config.digest.textsFile),
  crisis: config.crisis,
  defaultCountry: config.forum.defaultCountry,
  forumUrl: "https://forum.example",
  isAnonymous: anonymousMatcher(config.digest.anonymousUsernamePattern),
};
const client = countingClient(forum);
const now = new Date("2026-01-11T09:00:00Z");

const cpuStart = process.cpuUsage();
const wallStart = performance.now();
const index = indexSnapshot(await loadForumSnapshot(createDigestForum(client), { now }));
let sent = 0;
let skipped = 0;
let bytes = 0;
for (const [i, member] of forum.members.entries()) {
  if (index.isBlocked(member.userId)) {
    skipped++;
    continue;
  }
  const digest = buildDigest(
    index,
    { userId: member.userId, username: member.username, timezone: ZONES[i % ZONES.length], week: "2026-W02", now, profile: member.profile, activity: member.activity, recentLines: [] },
    env,
  );
  await client.createPrivateMessage({ title: digest.title, raw: digest.raw, targetRecipients: [member.username], idempotencyKey: `weekly-digest-2026-W02-${member.userId}` });
  bytes += digest.raw.length;
  sent++;
}
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const wallSeconds = (performance.now() - wallStart) / 1000;
const { reads, writes } = client.counts;

const rows = [
  ["members", MEMBERS],
  ["digests composed and sent", sent],
  ["skipped (suspended or silenced)", skipped],
  ["average digest size (chars)", Math.round(bytes / Math.max(sent, 1))],
  ["CPU time (s)", cpuSeconds.toFixed(3)],
  ["wall time (s)", wallSeconds.toFixed(3)],
  ["forum reads", reads],
  ["forum writes", writes],
  ["reads per member", (reads / MEMBERS).toFixed(4)],
  ["calls per member", ((reads + writes) / MEMBERS).toFixed(4)],
];
for (const [name, value] of rows) console.log(`${String(name).padEnd(34)} ${value}`);

const failures = [
  cpuSeconds >= CPU_LIMIT_S && `CPU ${cpuSeconds.toFixed(2)} s ≥ ${CPU_LIMIT_S} s`,
  reads / MEMBERS > READS_PER_MEMBER && `reads per member ${(reads / MEMBERS).toFixed(3)} > ${READS_PER_MEMBER}`,
  (reads + writes) / MEMBERS > CALLS_PER_MEMBER && `calls per member ${((reads + writes) / MEMBERS).toFixed(3)} > ${CALLS_PER_MEMBER}`,
  sent + skipped !== MEMBERS && "not every member was composed",
].filter(Boolean);
if (failures.length > 0) {
  console.error(`FAIL: ${failures.join("; ")}`);
  process.exitCode = 1;
} else {
  console.log("PASS");
}
