import express, { type NextFunction, type Request, type Response, type Router } from "express";
import type { Queue } from "bullmq";
import type { EventJobData } from "../jobs/job-data.ts";
import type { Logger } from "../log/create-logger.ts";
import type { EventName } from "./event-map.ts";
import { parseDelivery } from "./parse-delivery.ts";
import { toEventJob } from "./to-event-job.ts";
import { verifySignature } from "./verify-signature.ts";
import { WebhookError } from "./webhook-error.ts";

export type WebhookOutcome = "queued" | "duplicate" | "ping" | "ignored" | "unauthorized" | "bad_request" | "too_large" | "unsupported_type" | "unavailable";

export interface WebhookRouterOptions {
  /** Current secret first, then the previous one during a rotation. */
  secrets: readonly string[];
  /** The events some enabled bot handles; anything else is answered 202 and dropped. */
  handled: ReadonlySet<EventName>;
  queue: Queue<EventJobData>;
  log: Logger;
  /** @defaultValue 1 MiB */
  maxBodyBytes?: number;
  /** How long queueing may take before the answer is 503. @defaultValue 5000 */
  enqueueTimeoutMs?: number;
  onOutcome?: (outcome: WebhookOutcome, event: string) => void;
}

/**
 * `POST /webhooks/discourse`: raw body → content type → size → signature (before any parsing) →
 * JSON → dedupe key → durable queue → answer. 2xx only after BullMQ has the job; 503 when Redis
 * cannot take it, so Discourse's retry or an admin's redelivery brings the event back.
 */
export function createWebhookRouter(options: WebhookRouterOptions): Router {
  const { secrets, handled, queue, log, maxBodyBytes = 1_048_576, enqueueTimeoutMs = 5000, onOutcome = () => {} } = options;
  const router = express.Router();

  router.post(
    "/webhooks/discourse",
    (req, _res, next) => {
      const type = req.headers["content-type"] ?? "";
      if (!/^application\/json\b/i.test(type)) return next(new WebhookError(415, "content type must be application/json"));
      next();
    },
    express.raw({ type: () => true, limit: maxBodyBytes }),
    async (req: Request, res: Response, next: NextFunction) => {
      const event = String(req.headers["x-discourse-event"] ?? "");
      try {
        const rawBody = Buffer.isBuffer(req.body) ? req.body.toString("utf8") : "";
        const signature = req.headers["x-discourse-event-signature"];
        if (!(await verifySignature(secrets, rawBody, typeof signature === "string" ? signature : undefined))) {
          throw new WebhookError(401, signature ? "signature does not match" : "X-Discourse-Event-Signature is missing");
        }
        const delivery = parseDelivery(rawBody, { event, type: String(req.headers["x-discourse-event-type"] ?? "") });
        if (delivery.kind === "ping") {
          onOutcome("ping", "ping");
          res.status(200).json({ status: "pong" });
          return;
        }
        if (delivery.kind === "unknown" || !handled.has(delivery.name)) {
          onOutcome("ignored", event);
          res.status(202).json({ status: "ignored", reason: "no bot handles this event" });
          return;
        }
        const data = toEventJob(delivery, rawBody);
        const { key } = data;
        // A job still in Redis under this key means a redelivery; once it is done and gone, the
        // worker's processed-events check catches the duplicate instead.
        // A redelivery of an event whose job failed for good replaces that job, bringing its body back.
        const existing = await withTimeout(queue.getJob(key), enqueueTimeoutMs);
        const failedBefore = existing !== undefined && (await existing.isFailed());
        if (failedBefore) await existing.remove();
        const duplicate = existing !== undefined && !failedBefore;
        if (!duplicate) await withTimeout(queue.add(delivery.name, data, { jobId: key }), enqueueTimeoutMs);
        onOutcome(duplicate ? "duplicate" : "queued", delivery.name);
        log.info({ event: delivery.name, deliveredAs: delivery.deliveredAs, key, duplicate }, "webhook queued");
        res.status(200).json({ status: duplicate ? "duplicate" : "queued", key });
      } catch (error) {
        next(error);
      }
    },
  );

  router.use("/webhooks/discourse", (error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status = statusOf(error);
    const outcome: WebhookOutcome =
      status === 401 ? "unauthorized" : status === 413 ? "too_large" : status === 415 ? "unsupported_type" : status === 503 ? "unavailable" : "bad_request";
    onOutcome(outcome, String(_req.headers["x-discourse-event"] ?? "unknown"));
    const message = status === 503 ? "[discourse-webhooks] queue unavailable, retry later" : messageOf(error, status);
    if (status >= 500) log.error({ err: error }, "webhook could not be queued");
    else log.warn({ status, reason: message }, "webhook refused");
    res.status(status).json({ error: message });
  });
  return router;
}

function statusOf(error: unknown): number {
  if (error instanceof WebhookError) return error.status;
  const status = (error as { status?: number; statusCode?: number; type?: string }) ?? {};
  if (status.type === "entity.too.large") return 413;
  if (typeof status.status === "number" && status.status >= 400 && status.status < 500) return status.status;
  // Anything else is Redis or BullMQ failing to take the job.
  return 503;
}

function messageOf(error: unknown, status: number): string {
  if (error instanceof WebhookError) return error.message;
  if (status === 413) return "[discourse-webhooks] body is larger than the limit";
  return `[discourse-webhooks] request refused (${status})`;
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("[discourse-webhooks] queueing timed out")), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
