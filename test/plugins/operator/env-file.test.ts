import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ensureGitIgnored, readEnvFile, writeEnvFile } from "../../../plugins/operator/env-file.ts";
import { writeSettingsFile } from "../../../plugins/operator/settings-file.ts";

describe("the files kindred setup writes", () => {
  it("should keep other lines of .env, leave it owner-only, and report no change the second time", () => {
    const dir = mkdtempSync(join(tmpdir(), "kindred-env-"));
    const file = join(dir, ".env");
    writeFileSync(file, "# mine\nPORT=4000\nWEBHOOK_SECRET=old-secret-value\n", { mode: 0o644 });
    expect(writeEnvFile(file, { WEBHOOK_SECRET: "new secret with spaces #1", DISCOURSE_URL: "https://forum.example" })).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, "utf8")).toBe('# mine\nPORT=4000\nWEBHOOK_SECRET="new secret with spaces #1"\nDISCOURSE_URL=https://forum.example\n');
    expect(readEnvFile(file)).toEqual({ PORT: "4000", WEBHOOK_SECRET: "new secret with spaces #1", DISCOURSE_URL: "https://forum.example" });
    expect(writeEnvFile(file, { WEBHOOK_SECRET: "new secret with spaces #1" })).toBe(false);
  });

  it("should add .env to the .gitignore beside it once", () => {
    const dir = mkdtempSync(join(tmpdir(), "kindred-env-"));
    writeFileSync(join(dir, ".gitignore"), "node_modules/");
    expect(ensureGitIgnored(join(dir, ".env"))).toBe(true);
    expect(ensureGitIgnored(join(dir, ".env"))).toBe(true);
    expect(readFileSync(join(dir, ".gitignore"), "utf8")).toBe("node_modules/\n.env\n");
    expect(ensureGitIgnored(join(mkdtempSync(join(tmpdir(), "kindred-env-")), ".env"))).toBe(false);
  });

  it("should set settings in the YAML file and keep its comments", () => {
    const file = join(mkdtempSync(join(tmpdir(), "kindred-yaml-")), "kindred.local.yaml");
    writeFileSync(file, "# my notes\nlog:\n  level: warn # quiet\n");
    expect(writeSettingsFile(file, { "http.publicUrl": "https://kindred.example", "onboarding.startOn": "user_approved" })).toBe(true);
    const text = readFileSync(file, "utf8");
    expect(text).toContain("# my notes");
    expect(text).toContain("level: warn # quiet");
    expect(text).toContain("publicUrl: https://kindred.example");
    expect(writeSettingsFile(file, { "http.publicUrl": "https://kindred.example" })).toBe(false);
  });
});
