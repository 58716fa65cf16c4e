/**
 * A Kindred worker process for the cross-process budget test: it starts the runtime in the
 * worker role (PostgreSQL store, shared Redis budget) and makes COUNT calls in a burst on a lane,
 * then prints one JSON line with what the forum answered.
 */
import { loadConfig } from "../../config/index.ts";
import { createLogger } from "../../plugins/log/create-logger.ts";
import { createRuntime } from "../../plugins/runtime/create-runtime.ts";

const count = Number(process.env.COUNT ?? 100);
const lane = (process.env.LANE ?? "digest") as "digest";
const config = loadConfig(process.env, { overrides: { log: { level: "silent" }, apiBudget: { windowSeconds: Number(process.env.WINDOW_SECONDS ?? 60) } } });
const runtime = await createRuntime({ config, bots: [], role: "worker", prefix: process.env.PREFIX, storeSchema: process.env.STORE_SCHEMA, log: createLogger({ level: "silent" }), schedules: false });
const client = runtime.services.client("kindred", lane);
const statuses: number[] = [];
await Promise.all(
  Array.from({ length: count }, async () => {
    try {
      await client.getUser("jordan");
      statuses.push(200);
    } catch (error) {
      statuses.push((error as { status?: number }).status ?? -1);
    }
  }),
);
process.stdout.write(`${JSON.stringify({ statuses })}\n`);
await runtime.close();
process.exit(0);
