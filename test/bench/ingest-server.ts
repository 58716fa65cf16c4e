/**
 * The server side of the webhook ingest benchmark, in its own process so the load generator does
 * not share its event loop. MODE=bare: a plain express route that reads and parses the body;
 * MODE=kindred: Kindred's receiver (signature, dedupe key, BullMQ queue on the real Redis).
 */
import express from "express";
import { createQueues } from "../../plugins/jobs/create-queues.ts";
import { createRedis } from "../../plugins/jobs/create-redis.ts";
import { createLogger } from "../../plugins/log/create-logger.ts";
import { createWebhookRouter } from "../../plugins/webhooks/create-webhook-router.ts";

const mode = process.env.MODE ?? "bare";
const app = express();
let cleanup = async () => {};
if (mode === "bare") {
  app.post("/webhooks/discourse", express.raw({ type: () => true, limit: 1_048_576 }), (req, res) => {
    JSON.parse((req.body as Buffer).toString("utf8"));
    res.status(200).json({ status: "queued" });
  });
} else {
  const connection = createRedis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", "producer");
  const queues = createQueues({ connection, prefix: process.env.PREFIX ?? "bench", attempts: 3, backoffMs: 1000, keepFailed: 10 });
  app.use(
    createWebhookRouter({
      secrets: [process.env.SECRET ?? "bench-secret-0123456789"],
      handled: new Set(["post_created"]),
      queue: queues.events,
      log: createLogger({ level: "silent" }),
    }),
  );
  cleanup = async () => {
    await queues.events.obliterate({ force: true });
    await queues.close();
    connection.disconnect();
  };
}
const server = app.listen(0, "127.0.0.1", () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as { port: number }).port })}\n`);
});
process.on("message", async (message) => {
  if (message === "stop") {
    server.close();
    await cleanup();
    process.exit(0);
  }
});
