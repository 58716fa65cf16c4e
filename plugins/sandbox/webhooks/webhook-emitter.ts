import type { SandboxState } from "../state.ts";
import { nextId, setting } from "../state.ts";
import type { WebHookEventRecord, WebHookRecord } from "../types.ts";
import { postRaw } from "./post-raw.ts";
import { signPayload } from "./sign-payload.ts";

/** One event as the forum raises it. */
export interface WebhookEventSpec {
  /** `X-Discourse-Event`, e.g. `post_created`, `reviewable_transitioned_to`, `post_liked`. */
  name: string;
  /** The subscription (web_hook_event_types.name) a webhook must tick to receive it, e.g. `reviewable_updated`. */
  subscription: string;
  /** `X-Discourse-Event-Type` and the body's root key, e.g. `post`, `reviewable`, `group_user`, `like`. */
  type: string;
  payload: unknown;
  /** The category the event belongs to (null for PMs and user events), for category-filtered hooks. */
  categoryId?: number | null;
}

/** How the receiver behaves: up, refusing connections (status -1), or answering a fixed HTTP status. */
export type ReceiverMode = { down: false } | { down: true; status?: number };

/** Delivers events to the configured webhooks the way Discourse's `emit_web_hook_event` job does. */
export interface WebhookEmitter {
  /** Queues the event for every active webhook subscribed to it; never blocks the caller. */
  emit(spec: WebhookEventSpec): void;
  /** Queues a `ping` to one webhook (the admin "Ping" button). */
  ping(webHookId: number): void;
  /** Re-sends one stored event now, same id, headers and body; updates its row. */
  redeliver(eventId: number): Promise<WebHookEventRecord>;
  /** Queues every failed event of a webhook for redelivery; returns their ids. */
  redeliverFailed(webHookId: number): number[];
  /** Makes deliveries fail without reaching the receiver (`true` = connection refused, or a status). */
  setReceiverMode(mode: ReceiverMode): void;
  /** Resolves once nothing is queued or in flight (retries scheduled for later do not count). */
  idle(): Promise<void>;
  /** Cancels scheduled retries. */
  close(): void;
}

export interface WebhookEmitterOptions {
  state: SandboxState;
  now: () => Date;
  baseUrl: () => string;
  /** @defaultValue 20_000, Discourse's `WebHookEmitter::REQUEST_TIMEOUT`. */
  timeoutMs?: number;
  /** Length of one Discourse "minute" for retries (1, 5, 25, 125 of them). @defaultValue 60_000 */
  retryMinuteMs?: number;
  /** @defaultValue "Discourse/3.5.0.sandbox" */
  userAgent?: string;
}

const CONTENT_TYPES: Record<number, string> = { 1: "application/json", 2: "application/x-www-form-urlencoded" };
const MAX_RETRY_COUNT = 4;
const STATUS = { failed: 2, successful: 3 } as const;

function wants(hook: WebHookRecord, spec: WebhookEventSpec): boolean {
  if (!hook.active) return false;
  if (!hook.wildcard && !hook.eventTypeNames.has(spec.subscription)) return false;
  // Discourse drops category-less events (PMs, user events) for category-filtered hooks.
  if (hook.categoryIds.length > 0 && (spec.categoryId == null || !hook.categoryIds.includes(spec.categoryId))) return false;
  return true;
}

/** Creates the emitter. Deliveries run one after another in the background, in emit order. */
export function createWebhookEmitter(options: WebhookEmitterOptions): WebhookEmitter {
  const { state, now, baseUrl } = options;
  const timeoutMs = options.timeoutMs ?? 20_000;
  const retryMinuteMs = options.retryMinuteMs ?? 60_000;
  const userAgent = options.userAgent ?? "Discourse/3.5.0.sandbox";
  let receiver: ReceiverMode = { down: false };
  let chain: Promise<void> = Promise.resolve();
  let pending = 0;
  const timers = new Set<NodeJS.Timeout>();

  async function send(event: WebHookEventRecord, hook: WebHookRecord): Promise<void> {
    const headers = JSON.parse(event.headers) as Record<string, string>;
    const result = receiver.down
      ? { status: receiver.status ?? -1, headers: {}, body: receiver.status ? "" : "connect ECONNREFUSED (sandbox receiver down)", durationMs: 0 }
      : await postRaw(hook.payloadUrl, headers, event.payload, timeoutMs);
    event.status = result.status;
    event.responseHeaders = JSON.stringify(result.headers);
    event.responseBody = result.body.slice(0, 10_000);
    event.duration = result.durationMs;
    hook.lastDeliveryStatus = result.status >= 200 && result.status < 300 ? STATUS.successful : STATUS.failed;
  }

  function scheduleRetry(event: WebHookEventRecord, hook: WebHookRecord): void {
    const status = event.status;
    // emit_web_hook_event.rb: no retry for 2xx, for 404/410, or when no HTTP status came back.
    if (status === -1 || (status >= 200 && status < 300) || status === 404 || status === 410) return;
    if (setting(state, "retry_web_hook_events") !== true || event.retryCount >= MAX_RETRY_COUNT) return;
    const delay = 5 ** event.retryCount * retryMinuteMs;
    const timer = setTimeout(() => {
      timers.delete(timer);
      enqueue(async () => {
        const retry = record(hook, event.eventName, event.payload, JSON.parse(event.headers)["X-Discourse-Event-Type"]);
        retry.retryCount = event.retryCount + 1;
        await send(retry, hook);
        scheduleRetry(retry, hook);
      });
    }, delay);
    timer.unref();
    timers.add(timer);
  }

  function record(hook: WebHookRecord, name: string, body: string, type: string): WebHookEventRecord {
    const id = nextId(state, "web_hook_events");
    const headers: Record<string, string> = {
      Accept: "*/*",
      Connection: "close",
      "Content-Length": String(Buffer.byteLength(body)),
      "Content-Type": CONTENT_TYPES[hook.contentType] ?? "application/json",
      Host: new URL(hook.payloadUrl).host,
      "User-Agent": userAgent,
      "X-Discourse-Instance": baseUrl(),
      "X-Discourse-Event-Id": String(id),
      "X-Discourse-Event-Type": type,
      "X-Discourse-Event": name,
    };
    if (hook.secret) headers["X-Discourse-Event-Signature"] = signPayload(hook.secret, body);
    const event: WebHookEventRecord = {
      id,
      webHookId: hook.id,
      headers: JSON.stringify(headers),
      payload: body,
      status: 0,
      responseHeaders: "{}",
      responseBody: "",
      duration: 0,
      createdAt: now().toISOString(),
      eventName: name,
      retryCount: 0,
    };
    state.webHookEvents.set(id, event);
    return event;
  }

  function enqueue(task: () => Promise<void>): void {
    pending++;
    chain = chain.then(task).catch((error) => console.error("[sandbox] webhook delivery failed", error)).finally(() => {
      pending--;
    });
  }

  function deliver(hook: WebHookRecord, name: string, type: string, body: string): void {
    enqueue(async () => {
      const event = record(hook, name, body, type);
      await send(event, hook);
      scheduleRetry(event, hook);
    });
  }

  return {
    emit(spec) {
      // The body is captured now, as Discourse serializes when it enqueues the job.
      const body = JSON.stringify({ [spec.type]: spec.payload });
      for (const hook of state.webHooks.values()) if (wants(hook, spec)) deliver(hook, spec.name, spec.type, body);
    },
    ping(webHookId) {
      const hook = state.webHooks.get(webHookId);
      if (hook) deliver(hook, "ping", "ping", JSON.stringify({ ping: "OK" }));
    },
    async redeliver(eventId) {
      const event = state.webHookEvents.get(eventId);
      const hook = event ? state.webHooks.get(event.webHookId) : undefined;
      if (!event || !hook) throw new Error(`[sandbox] no web hook event ${eventId}`);
      await send(event, hook);
      return event;
    },
    redeliverFailed(webHookId) {
      const failed = [...state.webHookEvents.values()].filter(
        (e) => e.webHookId === webHookId && (e.status < 200 || e.status >= 300),
      );
      for (const event of failed) {
        enqueue(async () => {
          const hook = state.webHooks.get(event.webHookId);
          if (hook) await send(event, hook);
        });
      }
      return failed.map((e) => e.id);
    },
    setReceiverMode(mode) {
      receiver = mode;
    },
    async idle() {
      while (pending > 0) await chain;
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
