import { createSandboxForum, type SandboxForum, type SandboxForumOptions } from "../../plugins/sandbox/index.ts";

/** A running sandbox forum on an ephemeral loopback port. */
export interface StartedSandbox {
  forum: SandboxForum;
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** A global admin API key. */
  apiKey: string;
  close(): Promise<void>;
}

/**
 * Starts a sandbox forum (demo community seeded unless `seed: false`) for a test.
 *
 * @example
 * const sandbox = await startSandbox({ webhooks: [{ url, secret, events: "all" }] });
 * afterAll(() => sandbox.close());
 */
export async function startSandbox(options: SandboxForumOptions = {}): Promise<StartedSandbox> {
  const forum = createSandboxForum(options);
  const { url } = await forum.listen(0, "127.0.0.1");
  return { forum, url, apiKey: forum.apiKey, close: () => forum.close() };
}
