import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliIo } from "../../../plugins/cli/cli-io.ts";
import { registerDigestCommands } from "../../../plugins/cli/commands/digest.ts";
import { cleanPrefix, testPrefix } from "../../helpers/redis.ts";
import { type StartedSandbox, startSandbox } from "../../helpers/start-sandbox.ts";

let sandbox: StartedSandbox;
const prefix = testPrefix();
const configFile = join(tmpdir(), `kindred-digest-cli-${prefix}.yaml`);

beforeAll(async () => {
  sandbox = await startSandbox();
  // An in-memory store: the CLI's own process holds it, as PGlite would be held by one process.
  writeFileSync(configFile, "store:\n  dataDir: memory://\nlog:\n  level: silent\n");
});

afterAll(async () => {
  await sandbox.close();
  await cleanPrefix(prefix);
});

async function run(...args: string[]): Promise<{ out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    env: { DISCOURSE_URL: sandbox.url, DISCOURSE_API_KEY: sandbox.apiKey, WEBHOOK_SECRET: "a-webhook-secret-for-tests", KINDRED_CONFIG: configFile },
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  };
  const program = new Command("kindred").exitOverride();
  registerDigestCommands(program, io);
  await program.parseAsync(["node", "kindred", "digest", ...args, "--prefix", prefix]);
  return { out, err };
}

describe("kindred digest", () => {
  it("should dry-run the week against the forum and say nothing was written", async () => {
    const { out, err } = await run("run", "--dry-run");
    expect(out[0]).toBe('dry run (nothing sent or written): 0 members, 0 digests, 0 "still here" notes');
    expect(out.at(-1)).toMatch(/^forum reads: \d+; a real run adds one write per message$/);
    expect(err.at(-1)).toMatch(/100% 0\/0$/);
  });

  it("should report the status and the budget", async () => {
    const { out } = await run("status");
    expect(out).toContain("subscribers: 0 (paused: 0)");
    expect(out).toContain("week: no run yet");
    expect(out.some((line) => /^budget: \d+\/55 calls this minute/.test(line))).toBe(true);
  });

  it("should refuse to preview a member Kindred does not know", async () => {
    await expect(run("preview", "nobody_here")).rejects.toThrow(/no record of "nobody_here"/);
  });
});
