import type { Redis } from "ioredis";
import type { Config } from "../../config/index.ts";
import { botUsernames } from "../app/services.ts";
import { type ApiBudget, type ApiBudgetMetrics, createApiBudget, createDiscourseClient, type DiscourseClient, type IdempotencyStore } from "../discourse/index.ts";
import type { Logger } from "../log/create-logger.ts";

export interface ForumClientOptions {
  config: Config;
  redis: Redis;
  /** Redis key prefix shared by every process of one deployment (the budget lives under it). */
  prefix: string;
  fetch?: typeof globalThis.fetch;
  idempotency?: IdempotencyStore;
  logger?: Logger;
  metrics?: ApiBudgetMetrics;
}

/**
 * The shared API budget and the Discourse client built on it, from the configuration: the one place
 * the runtime and the operator commands (setup, doctor) turn settings into a budgeted client, so both
 * always spend the same budget the same way.
 */
export function createForumClient(options: ForumClientOptions): { budget: ApiBudget; discourse: DiscourseClient } {
  const { config } = options;
  if (!config.discourseUrl || !config.secrets.apiKey) throw new Error("[runtime] DISCOURSE_URL and DISCOURSE_API_KEY are needed");
  const budget = createApiBudget({
    redis: options.redis,
    prefix: `${options.prefix}:budget`,
    perWindow: config.apiBudget.perMinute,
    windowMs: config.apiBudget.windowSeconds * 1000,
    crisisReserve: config.apiBudget.crisisReserve,
    metrics: options.metrics,
  });
  const discourse = createDiscourseClient({
    baseUrl: config.discourseUrl,
    apiKey: config.secrets.apiKey,
    fetch: options.fetch,
    timeoutMs: config.apiBudget.timeoutSeconds * 1000,
    maxRateLimitWaitMs: config.apiBudget.maxRateLimitWaitSeconds * 1000,
    budget,
    idempotency: options.idempotency,
    logger: options.logger,
    botUsernames: [...botUsernames(config), config.apiUsername],
  });
  return { budget, discourse };
}
