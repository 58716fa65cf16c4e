import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { bots } from "../../../bots/index.ts";
import { loadConfig } from "../../../config/index.ts";
import { createRegistry } from "../../app/create-registry.ts";
import { createQueues } from "../../jobs/create-queues.ts";
import { createRedis } from "../../jobs/create-redis.ts";
import { coreMigrations } from "../../store/index.ts";
import { canonicalEventName } from "../../webhooks/event-map.ts";
import { parseDelivery } from "../../webhooks/parse-delivery.ts";
import { toEventJob } from "../../webhooks/to-event-job.ts";
import { CliError, type CliIo, EXIT } from "../cli-io.ts";

/** The webhook events the enabled bots need, derived from their registrations. */
export function neededEvents(env: CliIo["env"]): string[] {
  const config = loadConfig(env);
  return [...createRegistry(bots.filter((b) => config.enabledBots.includes(b.name)), coreMigrations).events];
}

/** `kindred events list` and `kindred events replay FILE`. */
export function registerEventCommands(program: Command, io: CliIo): void {
  const events = program.command("events").description("webhook events");
  events
    .command("list")
    .description("print exactly the webhook events to tick in Discourse for the enabled bots")
    .action(() => {
      for (const name of neededEvents(io.env)) io.out(name);
    });
  events
    .command("replay")
    .argument("<file>", "a stored delivery: {headers, body|raw_body} as captured, or a bare payload with --event")
    .option("--event <name>", "the X-Discourse-Event of a bare payload")
    .option("--prefix <prefix>", "Redis key prefix", "kindred")
    .description("push a stored webhook payload through the pipeline (queued like a delivery, signature not needed)")
    .action(async (file: string, options: { event?: string; prefix: string }) => {
      const { rawBody, event } = readDelivery(file, options.event);
      const delivery = parseDelivery(rawBody, { event, type: "" });
      if (delivery.kind !== "event") throw new CliError(`[events] ${file}: "${event}" is not an event the bots handle`, EXIT.config);
      const config = loadConfig(io.env);
      const connection = createRedis(config.redisUrl, "producer");
      const queues = createQueues({ connection, prefix: options.prefix, attempts: config.jobs.attempts, backoffMs: config.jobs.backoffMs, keepFailed: config.jobs.keepFailed });
      try {
        const data = toEventJob(delivery, rawBody, true);
        const existing = await queues.events.getJob(data.key);
        if (existing && (await existing.isFailed())) await existing.remove();
        await queues.events.add(delivery.name, data, { jobId: data.key });
        io.out(`queued ${delivery.name} as ${data.key}`);
      } catch (error) {
        throw new CliError(`[redis] could not queue the event: ${(error as Error).message}`, EXIT.unavailable);
      } finally {
        await queues.close();
        connection.disconnect();
      }
    });
}

function readDelivery(file: string, eventOption?: string): { rawBody: string; event: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new CliError(`[events] ${file}: ${(error as Error).message.split("\n")[0]}`, EXIT.config);
  }
  const record = parsed as { headers?: Record<string, string>; body?: unknown; raw_body?: string };
  if (record.headers && (record.body !== undefined || record.raw_body !== undefined)) {
    const headers = Object.fromEntries(Object.entries(record.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
    const rawBody = record.raw_body ?? JSON.stringify(record.body);
    return { rawBody, event: eventOption ?? headers["x-discourse-event"] ?? "" };
  }
  const root = Object.keys(record)[0] ?? "";
  const event = eventOption ?? "";
  if (!event || !canonicalEventName(event)) {
    throw new CliError(`[events] ${file}: a bare payload needs --event NAME (e.g. --event ${root}_created)`, EXIT.config);
  }
  return { rawBody: JSON.stringify(parsed), event };
}
