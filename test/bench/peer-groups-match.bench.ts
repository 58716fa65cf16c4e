/**
 * Matcher benchmark (issue #5): 10,000 members × 100 groups, against the naive baseline in the same
 * run. `node test/bench/peer-groups-match.bench.ts` (or `npm run bench`).
 */
import { performance } from "node:perf_hooks";
import { compileCatalogue } from "../../bots/peer-groups/match/compile-catalogue.ts";
import { matchMember } from "../../bots/peer-groups/match/match-member.ts";
import { catalogueOf, generateProfiles, random } from "../bots/peer-groups/helpers/population.ts";
import { naiveMatch } from "../bots/peer-groups/helpers/naive-match.ts";

const MEMBERS = 10_000;
const GROUPS = 100;
const NAIVE_SAMPLE = 500;
const at = new Date("2026-01-05T12:00:00Z");

const catalogue = catalogueOf(GROUPS);
const rand = random(3);
// Every third member has posted: give them a few catalogue words, as the post counter would.
const vocabulary = [...compileCatalogue(catalogue, at).vocabulary];
const profiles = generateProfiles(MEMBERS).map((p, i) =>
  i % 3 === 0 ? { ...p, terms: new Map(Array.from({ length: 6 }, () => [vocabulary[Math.floor(rand() * vocabulary.length)], 1 + Math.floor(rand() * 4)] as [string, number])) } : p,
);
const sizes = Int32Array.from(catalogue.groups, (g) => Math.floor(rand() * g.capacity * 1.1));
const none = new Set<string>();

// Warm up both paths (JIT), then measure.
const warm = compileCatalogue(catalogue, at);
for (let i = 0; i < 2000; i++) matchMember(warm, profiles[i], { sizes });

let t0 = performance.now();
const compiled = compileCatalogue(catalogue, at);
const compileMs = performance.now() - t0;
t0 = performance.now();
let suggestions = 0;
const results = profiles.map((p) => {
  const r = matchMember(compiled, p, { sizes });
  suggestions += r.length;
  return r;
});
const fastMs = performance.now() - t0;

t0 = performance.now();
let agree = 0;
for (let i = 0; i < NAIVE_SAMPLE; i++) {
  const naive = naiveMatch(catalogue, profiles[i], sizes, none, at, 3, compiled);
  if (JSON.stringify(naive.map((s) => s.name)) === JSON.stringify(results[i].map((s) => s.name))) agree++;
}
const naivePerMember = (performance.now() - t0) / NAIVE_SAMPLE;
const naiveMs = naivePerMember * MEMBERS;

console.log(`peer-groups matcher: ${MEMBERS} members × ${GROUPS} groups`);
console.log(`  compile catalogue: ${compileMs.toFixed(1)} ms (once a day)`);
console.log(`  match all members: ${fastMs.toFixed(1)} ms (${((fastMs * 1000) / MEMBERS).toFixed(1)} µs/member, ${suggestions} suggestions)`);
console.log(`  naive baseline:    ${naiveMs.toFixed(0)} ms (measured on ${NAIVE_SAMPLE} members: ${(naivePerMember * 1000).toFixed(0)} µs/member, scaled to ${MEMBERS})`);
console.log(`  speed-up:          ${(naiveMs / fastMs).toFixed(1)}×`);
console.log(`  same top three as the baseline: ${agree}/${NAIVE_SAMPLE}`);
if (agree !== NAIVE_SAMPLE) process.exitCode = 1;
