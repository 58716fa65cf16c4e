import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

const LINE = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/;

/** Reads `KEY=value` lines (comments and blank lines skipped, surrounding quotes removed). */
export function readEnvFile(path: string): Record<string, string> {
  if (!existsSync(path)) return {};
  const out: Record<string, string> = {};
  for (const line of readFileSync(path, "utf8").split("\n")) {
    const match = LINE.exec(line);
    if (!match || line.trimStart().startsWith("#")) continue;
    out[match[1]] = unquote(match[2].trim());
  }
  return out;
}

/**
 * Sets `values` in the env file, keeping its other lines and comments, and leaves it readable by its
 * owner only (0600) whether or not anything changed. Returns whether the content changed.
 */
export function writeEnvFile(path: string, values: Record<string, string>): boolean {
  const before = existsSync(path) ? readFileSync(path, "utf8") : "";
  const lines = before === "" ? ["# Written by `kindred setup`: secrets, never commit this file."] : before.replace(/\n$/, "").split("\n");
  const pending = new Map(Object.entries(values));
  const updated = lines.map((line) => {
    const match = LINE.exec(line);
    if (!match || line.trimStart().startsWith("#") || !pending.has(match[1])) return line;
    const value = pending.get(match[1]) as string;
    pending.delete(match[1]);
    return `${match[1]}=${quote(value)}`;
  });
  for (const [key, value] of pending) updated.push(`${key}=${quote(value)}`);
  const after = `${updated.join("\n")}\n`;
  if (after !== before) writeFileSync(path, after, { mode: 0o600 });
  chmodSync(path, 0o600);
  return after !== before;
}

/**
 * Makes sure git ignores the env file when it sits in a git work tree: adds it to the `.gitignore`
 * beside it unless a line already covers it. Returns false when there is no git work tree there.
 */
export function ensureGitIgnored(envPath: string): boolean {
  const dir = dirname(envPath);
  const name = basename(envPath);
  const ignore = join(dir, ".gitignore");
  if (!existsSync(join(dir, ".git")) && !existsSync(ignore)) return false;
  const text = existsSync(ignore) ? readFileSync(ignore, "utf8") : "";
  const covered = text.split("\n").some((line) => [name, `/${name}`, ".env*", "*.env"].includes(line.trim()));
  if (!covered) writeFileSync(ignore, `${text}${text === "" || text.endsWith("\n") ? "" : "\n"}${name}\n`);
  return true;
}

function quote(value: string): string {
  return /^[A-Za-z0-9_\-.:/@+=,]*$/.test(value) ? value : `"${value.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
}

function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) return value.slice(1, -1).replaceAll('\\"', '"').replaceAll("\\\\", "\\");
  if (value.length >= 2 && value.startsWith("'") && value.endsWith("'")) return value.slice(1, -1);
  return value.replace(/\s+#.*$/, "");
}
