import type { Redis } from "ioredis";
import type { Config } from "../../config/index.ts";
import { createRegistry } from "../app/create-registry.ts";
import type { Services } from "../app/services.ts";
import type { Bot } from "../app/types.ts";
import type { BoundClient } from "../discourse/index.ts";
import { createRedis } from "../jobs/create-redis.ts";
import type { WebhookConnector } from "../runtime/connect-forum-webhook.ts";
import { createForumClient } from "../runtime/create-forum-client.ts";
import { coreMigrations } from "../store/index.ts";

/** What `kindred setup` and `kindred doctor` work with: the forum through the shared budget, no store. */
export interface OperatorClient extends WebhookConnector {
  readonly config: Config;
  readonly forumUrl: string;
  /** The admin account (`DISCOURSE_API_USERNAME`) on the maintenance lane. */
  readonly admin: BoundClient;
  close(): Promise<void>;
}

export interface OperatorClientOptions {
  config: Config;
  bots: readonly Bot[];
  /** Redis key prefix shared with the running Kindred, so setup and doctor spend the same budget. */
  prefix: string;
  fetch?: typeof globalThis.fetch;
}

/**
 * A Discourse client for the operator commands. It spends the same Redis-backed budget as the running
 * Kindred (the forum's 60 calls a minute are shared by every admin key), but opens no store: PGlite
 * serves one process, and doctor must be safe to run beside a running Kindred.
 */
export async function createOperatorClient(options: OperatorClientOptions): Promise<OperatorClient> {
  const { config } = options;
  if (!config.discourseUrl || !config.secrets.apiKey) throw new Error("[setup] DISCOURSE_URL and DISCOURSE_API_KEY are needed");
  const redis: Redis = createRedis(config.redisUrl, "client");
  try {
    await redis.ping();
  } catch {
    redis.disconnect();
    throw new Error("[redis] nothing answers at REDIS_URL: the API budget shared with Kindred lives there");
  }
  const { budget, discourse } = createForumClient({ config, redis, prefix: options.prefix, fetch: options.fetch });
  const client: Services["client"] = (username, lane) => discourse.as({ username, lane });
  const enabled = options.bots.filter((bot) => config.enabledBots.includes(bot.name));
  return {
    forumUrl: config.discourseUrl,
    config,
    registry: { events: createRegistry(enabled, coreMigrations).events },
    services: { client },
    admin: client(config.apiUsername, "maintenance"),
    async close() {
      await budget.close();
      redis.disconnect();
    },
  };
}
