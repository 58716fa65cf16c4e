/**
 * Webhook ingest next to a bare express route, measured in the same run (issue #2):
 * throughput at full load, and p99 latency at a steady 500 requests/s. Prints the ratios.
 * Run: node test/bench/webhook-ingest.bench.ts
 */
import { type ChildProcess, fork } from "node:child_process";
import { createHmac, randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";

const SECRET = "bench-secret-0123456789";
const server = fileURLToPath(new URL("./ingest-server.ts", import.meta.url));
const seconds = Number(process.env.BENCH_SECONDS ?? 8);

function post(id: number) {
  const body = JSON.stringify({
    post: { id, username: "member", user_id: 7, topic_id: 3, post_number: 2, version: 1, created_at: new Date().toISOString(), raw: "A typical reply of a few sentences. ".repeat(25), topic_archetype: "regular", category_id: 1 },
  });
  return {
    method: "POST" as const,
    path: "/webhooks/discourse",
    body,
    headers: {
      "content-type": "application/json",
      "x-discourse-event": "post_created",
      "x-discourse-event-type": "post",
      "x-discourse-event-signature": `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`,
    },
  };
}

async function start(mode: string): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(server, [], { env: { ...process.env, MODE: mode, SECRET, PREFIX: `bench-${randomUUID().slice(0, 8)}` }, stdio: ["ignore", "pipe", "inherit", "ipc"] });
  const port = await new Promise<number>((resolve) => child.stdout!.once("data", (chunk) => resolve(JSON.parse(String(chunk)).port)));
  return { child, url: `http://127.0.0.1:${port}` };
}

async function load(url: string, options: { connections: number; overallRate?: number }) {
  let id = Math.floor(Math.random() * 1e6) * 1000;
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: seconds,
    overallRate: options.overallRate,
    requests: [{ setupRequest: () => post(++id) }],
  });
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

const results: Record<string, { max: Awaited<ReturnType<typeof load>>; steady: Awaited<ReturnType<typeof load>> }> = {};
for (const mode of ["bare", "kindred"]) {
  const { child, url } = await start(mode);
  await load(url, { connections: 10 }); // warm-up
  const max = await load(url, { connections: 50 });
  const steady = await load(url, { connections: 20, overallRate: 500 });
  results[mode] = { max, steady };
  child.send("stop");
  await new Promise((resolve) => child.once("exit", resolve));
}
const { bare, kindred } = results;
console.log(`webhook ingest, ${seconds}s per run (requests/s at 50 connections; p99 at a steady 500 req/s)`);
console.log(`  bare express : ${bare.max.rps.toFixed(0)} req/s, p99 ${bare.steady.p99} ms, errors ${bare.max.errors + bare.steady.errors}`);
console.log(`  kindred      : ${kindred.max.rps.toFixed(0)} req/s, p99 ${kindred.steady.p99} ms, errors ${kindred.max.errors + kindred.steady.errors}`);
console.log(`  throughput ratio kindred/bare: ${(kindred.max.rps / bare.max.rps).toFixed(2)} (aim ≥ 0.50)`);
console.log(`  p99 at 500 req/s: ${kindred.steady.p99} ms (aim < 50 ms)`);
