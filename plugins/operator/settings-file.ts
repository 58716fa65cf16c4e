import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { Document, parseDocument } from "yaml";

/**
 * Sets settings in the operator's YAML config file (the one KINDRED_CONFIG names), keeping its
 * comments and every other key. `values` maps dotted paths (`http.publicUrl`) to values. Writes only
 * when something changed, and returns whether it did.
 */
export function writeSettingsFile(path: string, values: Record<string, unknown>): boolean {
  const before = existsSync(path) ? readFileSync(path, "utf8") : "";
  const doc = before === "" ? new Document({}) : parseDocument(before);
  if (before === "") doc.commentBefore = " Kindred settings for this forum, merged over config/kindred.yaml.\n Written by `kindred setup`; edit freely. Secrets live in .env, never here.";
  if (doc.errors.length > 0) throw new Error(`[setup] ${path} is not valid YAML: ${doc.errors[0].message.split("\n")[0]}`);
  for (const [dotted, value] of Object.entries(values)) {
    const keys = dotted.split(".");
    if (doc.getIn(keys) !== value) doc.setIn(keys, value);
  }
  const after = doc.toString();
  if (after === before) return false;
  writeFileSync(path, after);
  return true;
}

/** Reads one dotted setting from the file, if the file and the key exist. */
export function readSetting(path: string, dotted: string): unknown {
  if (!existsSync(path)) return undefined;
  return parseDocument(readFileSync(path, "utf8")).getIn(dotted.split("."));
}
