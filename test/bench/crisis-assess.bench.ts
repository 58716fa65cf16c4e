/**
 * Throughput and memory of the crisis assessment (issue #3, "test/bench/").
 *
 * Run: node test/bench/crisis-assess.bench.ts [--posts 100000] [--trace]
 *
 * Posts are generated here (~1 KB, recovery-forum style, about one in five with a crisis or struggle
 * sentence); no evaluation text is used. Prints assessments per second on one core next to a plain
 * keyword regex measured in the same run, and resident memory after 10,000 and after 100,000 posts.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { assess, loadCrisisLexicon } from "../../bots/crisis-watch/assess/index.ts";

// "One core" is measured with V8 on one thread (--single-threaded: no background compiler or GC
// threads, whose one-off arena growth would otherwise show as a ~16 MB resident-memory step between
// 10,000 and 20,000 posts while the JS heap stays flat) and with --expose-gc so memory is read after a
// full collection. Re-run this file under those flags when started plainly.
if (typeof globalThis.gc !== "function") {
  const child = spawnSync(process.execPath, ["--expose-gc", "--single-threaded", fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: "inherit" });
  process.exit(child.status ?? 1);
}

const { values } = parseArgs({ options: { posts: { type: "string", default: "100000" }, trace: { type: "boolean", default: false } } });
const TOTAL = Number(values.posts);

const FILLER = [
  "Went to the Tuesday meeting and the coffee was terrible as usual.",
  "My sponsor says to keep it simple, so I made a list for the week.",
  "Work has been busy but the new shift helps with the evenings.",
  "We walked the dog around the lake and talked about the steps.",
  "I keep a gratitude journal now, three lines every morning.",
  "The kids had a school play and I was there sober for all of it.",
  "Has anyone tried the online meeting on Thursday nights?",
  "Cooking at home again, soup and bread, nothing fancy.",
  "My counselor wants me to try a new routine for sleep.",
  "It rained all weekend so I finally cleaned out the garage.",
];
const CUES = [
  "I want to die and I have my pills counted out for tonight.",
  "Craving so bad right now, somebody talk me down.",
  "Relapsed last weekend after 90 days, feeling ashamed.",
  "Years ago I overdosed, now I carry narcan for others.",
  "I'm not suicidal, just tired of the paperwork.",
  "My friend isn't breathing right and won't wake up.",
  "k1ll mys3lf sooooo tired of everything",
  "goodbye everyone, thanks for everything 👋",
];

function makePost(i: number): string {
  let text = "";
  let k = i * 7919;
  while (text.length < 1000) {
    k = (k * 1103515245 + 12345) & 0x7fffffff;
    text += `${FILLER[k % FILLER.length]} `;
  }
  if (i % 5 === 0) text += CUES[(i / 5) % CUES.length];
  return text;
}

const posts = Array.from({ length: 1000 }, (_, i) => makePost(i));
const KEYWORDS = "kill myself|suicide|suicidal|end it all|overdose|overdosed|want to die|self harm|cut myself|no reason to live";
// The baseline is compiled before the lexicon loads: V8 compiles regexps without optimisation once a
// process holds too much regexp code (see config/crisis/README.md), and the baseline should not pay
// for Kindred's lexicon. The same expression compiled after the lexicon shows whether that line was crossed.
const keyword = new RegExp(KEYWORDS, "i");
for (let i = 0; i < 100; i++) keyword.test(posts[i]);
const lexicon = loadCrisisLexicon();
const keywordAfter = new RegExp(`${KEYWORDS}|zzzz`, "i");
const context = { where: "topic" as const, writtenAt: new Date("2025-01-01T00:00:00Z") };

function rate(fn: (text: string) => unknown, n: number): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) fn(posts[i % posts.length]);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return n / seconds;
}

// Warm up both (JIT, regex compilation).
rate((t) => assess(t, context, lexicon), 2000);
rate((t) => keyword.test(t), 2000);
rate((t) => keywordAfter.test(t), 2000);
const kindred = rate((t) => assess(t, context, lexicon), 20_000);
const plain = rate((t) => keyword.test(t), 200_000);
const plainAfter = rate((t) => keywordAfter.test(t), 200_000);
console.log(`posts of ~${Math.round(posts.reduce((n, p) => n + p.length, 0) / posts.length)} characters, one core`);
console.log(`Kindred assess:      ${Math.round(kindred).toLocaleString("en")} posts/s (aim ≥ 2,000)`);
console.log(`plain keyword regex: ${Math.round(plain).toLocaleString("en")} posts/s`);
console.log(`ratio keyword/Kindred: ${(plain / kindred).toFixed(1)}×`);
console.log(
  `the keyword regex compiled after the lexicon: ${Math.round(plainAfter).toLocaleString("en")} posts/s (${plainAfter > plain / 3 ? "V8 still optimises new regexps" : "V8 no longer optimises new regexps in this process"})`,
);

const mb = (b: number) => `${(b / 1048576).toFixed(1)} MB`;
let at10k = process.memoryUsage();
for (let i = 0; i < TOTAL; i++) {
  // Distinct texts each time so that nothing is served from a cache.
  assess(`${posts[i % posts.length]} #${i}`, context, lexicon);
  if ((i + 1) % 10_000 === 0) {
    globalThis.gc?.();
    const now = process.memoryUsage();
    if (i + 1 === 10_000) at10k = now;
    if (values.trace) console.log(`  ${i + 1}: rss ${mb(now.rss)}, heap ${mb(now.heapUsed)}`);
  }
}
globalThis.gc?.();
const end = process.memoryUsage();
const growth = (a: number, b: number) => `${(((b - a) / a) * 100).toFixed(1)}%`;
console.log(`resident memory after 10,000 posts: ${mb(at10k.rss)}; after ${TOTAL.toLocaleString("en")}: ${mb(end.rss)} (${growth(at10k.rss, end.rss)}, aim within 10%)`);
console.log(`JS heap in use after 10,000 posts: ${mb(at10k.heapUsed)}; after ${TOTAL.toLocaleString("en")}: ${mb(end.heapUsed)} (${growth(at10k.heapUsed, end.heapUsed)})`);
