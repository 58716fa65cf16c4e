import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cleanPrefix } from "../../helpers/redis.ts";
import { startKindred } from "../../helpers/start-kindred.ts";
import { runCli } from "./run-cli.ts";

describe("kindred groups suggest / report against the sandbox forum", () => {
  it("should print suggestions with reasons as a dry run, and the groups' sizes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kindred-groups-"));
    const dataDir = join(dir, "data");
    // Kindred runs once on an embedded store in dataDir, meets a member, and stops (PGlite serves one process).
    const kindred = await startKindred({ postgres: false, overrides: { store: { dataDir } } });
    const riley = [...kindred.forum.state.users.values()].find((u) => u.username === "riley")!;
    await kindred.runtime.services.members.ensure(riley.id, "riley");
    await kindred.runtime.close();
    const configFile = join(dir, "kindred.yaml");
    writeFileSync(configFile, `store:\n  dataDir: ${dataDir}\n`);
    const env = { DISCOURSE_URL: kindred.forumUrl, DISCOURSE_API_KEY: kindred.forum.apiKey, WEBHOOK_SECRET: kindred.secret, KINDRED_CONFIG: configFile };
    try {
      const posts = kindred.forum.state.posts.size;
      const suggest = await runCli(["groups", "suggest", "riley", "--prefix", kindred.prefix], env);
      expect(suggest.code).toBe(0);
      expect(suggest.stdout).toMatch(/^1\. .+\(.+\)/m);
      expect(suggest.stdout.split("\n").filter((l) => /^ {3}\S/.test(l)).length).toBeGreaterThan(0);
      expect(kindred.forum.state.posts.size).toBe(posts);
      const report = await runCli(["groups", "report", "--prefix", kindred.prefix], env);
      expect(report.code).toBe(0);
      expect(report.stdout).toMatch(/early-recovery-evenings-a/);
      const unknown = await runCli(["groups", "suggest", "nobody_here", "--prefix", kindred.prefix], env);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toMatch(/no record of nobody_here/);
    } finally {
      await kindred.forum.close();
      await cleanPrefix(kindred.prefix);
    }
  }, 90_000);
});
