import { createSandboxForum } from "../sandbox/index.ts";
import { connectForumWebhook } from "./connect-forum-webhook.ts";
import type { Runtime } from "./create-runtime.ts";

export interface SandboxMode {
  url: string;
  apiKey: string;
  /** Points the sandbox's webhook at Kindred, through the same admin API `kindred setup` uses. */
  connect(runtime: Runtime): Promise<void>;
  close(): Promise<void>;
}

/**
 * `npm start` without DISCOURSE_URL: Kindred's own Discourse-compatible forum with its demo community,
 * on loopback, so a first run shows the bots at work without touching a real forum.
 */
export async function startSandboxMode(options: { secret: string; port?: number }): Promise<SandboxMode> {
  const forum = createSandboxForum({ seed: true });
  const { url } = await forum.listen(options.port ?? 0, "127.0.0.1");
  return {
    url,
    apiKey: forum.apiKey,
    async connect(runtime) {
      await connectForumWebhook(runtime, { payloadUrl: `${runtime.url}/webhooks/discourse`, secret: options.secret, verifyCertificate: false });
    },
    close: () => forum.close(),
  };
}
