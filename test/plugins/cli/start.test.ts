import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLI } from "./run-cli.ts";

describe("kindred start", () => {
  it("should come up in sandbox mode without a forum, answer /readyz 200, and stop cleanly on SIGTERM", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kindred-start-"));
    const configFile = join(dir, "kindred.yaml");
    writeFileSync(configFile, `store:\n  dataDir: ${join(dir, "data")}\nhttp:\n  host: 127.0.0.1\n`);
    const child = spawn(process.execPath, [CLI, "start"], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: "0", KINDRED_CONFIG: configFile, LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    child.stdout.on("data", (d) => (stdout += d));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const deadline = Date.now() + 40_000;
    while (!/ready: (\S+)/.test(stdout) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stdout).toMatch(/running in SANDBOX mode/);
    const readyUrl = /ready: (\S+)/.exec(stdout)![1];
    const ready = await fetch(readyUrl);
    expect(ready.status).toBe(200);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  }, 60_000);
});
