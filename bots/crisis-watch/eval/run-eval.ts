/**
 * `npm run eval:crisis`: Kindred's detector next to the plain keyword list and the watched-words
 * lexicon baseline, measured in the same run, on the recovery-forum dev set, SDCNL and C-SSRS.
 * Reads the data from `../shared/crisis-data` (or `--data DIR`) at run time; nothing is copied.
 *
 * Usage: node bots/crisis-watch/eval/run-eval.ts [--data DIR] [--file labelled.jsonl]
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { assess, loadCrisisLexicon } from "../assess/index.ts";
import { type Classifier, countWatchedWords, keywordClassifier, watchedWordsClassifier } from "./baselines.ts";
import { CRISIS_TARGETS, type CrisisMetrics, computeCrisisMetrics, formatConfusion } from "./metrics.ts";
import { cssrsFlaggedShare, readCssrs, readSdcnl, sdcnlMetrics } from "./public-sets.ts";
import { readLabelled } from "./read-labelled.ts";

const REPO = fileURLToPath(new URL("../../../", import.meta.url));
const { values } = parseArgs({ options: { data: { type: "string" }, file: { type: "string" } } });
const dataDir = values.data ?? join(REPO, "..", "shared", "crisis-data");
if (!existsSync(dataDir)) throw new Error(`[crisis-eval] no data directory at ${dataDir} (pass --data DIR)`);
const publicDir = join(dataDir, "public");
const labelledFile = values.file ?? join(dataDir, "recovery-forum", "dev.jsonl");

const lexicon = loadCrisisLexicon();
const writtenAt = new Date();
const tokensCsv = readFileSync(join(publicDir, "lexicons", "youth_suicide_lexicon_tokens.csv"), "utf8");
const detectors: [string, Classifier][] = [
  ["Kindred", (text) => assess(text, { where: "topic", writtenAt }, lexicon)],
  ["keyword list (10)", keywordClassifier()],
  [`watched words (${countWatchedWords(tokensCsv)})`, watchedWordsClassifier(tokensCsv)],
];

const pct = (x: number) => (Number.isNaN(x) ? "  n/a" : `${(100 * x).toFixed(1).padStart(5)}%`);
const col = (s: string) => s.padStart(22);
const header = `${"".padEnd(34)}${detectors.map(([name]) => col(name)).join("")}`;

console.log(`Recovery forum: ${labelledFile}`);
const posts = readLabelled(labelledFile);
const results: CrisisMetrics[] = detectors.map(([, classify]) => computeCrisisMetrics(posts.map((p) => ({ label: p.label, level: classify(p.text).level }))));
console.log(header);
const metricRows: [keyof typeof CRISIS_TARGETS, string][] = [
  ["urgentRecall", "urgent recall (≥ 97%)"],
  ["urgentAsUrgent", "urgent as urgent (≥ 85%)"],
  ["reviewRecall", "review recall (≥ 90%)"],
  ["falseAlarm", "false alarm on none (≤ 5%)"],
  ["supportNoise", "noise on support (≤ 15%)"],
];
for (const [key, label] of metricRows) {
  const target = CRISIS_TARGETS[key] as { min?: number; max?: number };
  const ok = (x: number) => (target.min !== undefined ? x >= target.min : x <= (target.max ?? 1));
  console.log(`${label.padEnd(34)}${results.map((r, i) => col(`${pct(r[key])}${i === 0 ? (ok(r[key]) ? " ok" : " MISS") : "   "}`)).join("")}`);
}
console.log(`\nKindred confusion (${posts.length} posts):\n${formatConfusion(results[0].confusion)}`);

console.log("\nSDCNL (r/SuicideWatch vs r/depression, training + testing)");
const sdcnl = readSdcnl(publicDir);
const sdcnlResults = detectors.map(([, classify]) => sdcnlMetrics(sdcnl, classify));
console.log(header);
console.log(`${"SuicideWatch caught (≥ 85%)".padEnd(34)}${sdcnlResults.map((r) => col(pct(r.caught))).join("")}`);
console.log(`${"precision".padEnd(34)}${sdcnlResults.map((r) => col(pct(r.precision))).join("")}`);
console.log(`${"flags per 1,000 posts".padEnd(34)}${sdcnlResults.map((r) => col(String(Math.round(r.flagRate * 1000)))).join("")}`);

console.log("\nC-SSRS (users flagged when any post is review|urgent)");
const users = readCssrs(publicDir);
const cssrs = detectors.map(([, classify]) => cssrsFlaggedShare(users, classify));
console.log(header);
for (const label of ["Supportive", "Indicator", "Ideation", "Behavior", "Attempt"]) {
  const note = label === "Supportive" ? " (≤ 25%)" : "";
  console.log(`${`${label}${note}`.padEnd(34)}${cssrs.map((r) => col(pct(r[label] ?? Number.NaN))).join("")}`);
}
console.log(`(${users.length} users, ${users.reduce((n, u) => n + u.posts.length, 0)} posts)`);
