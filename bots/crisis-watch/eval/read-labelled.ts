/**
 * Reads a labelled `.jsonl` file (`id`, `text`, `label`, `lanes`), one post per line.
 */
import { readFileSync } from "node:fs";
import { LEVELS, type Level } from "../assess/index.ts";

/** One labelled post. */
export interface LabelledPost {
  id: string;
  text: string;
  label: Level;
  lanes: string[];
}

/** Reads and validates a labelled file; throws an Error naming the line when a line is invalid. */
export function readLabelled(path: string): LabelledPost[] {
  return parseLabelled(readFileSync(path, "utf8"), path);
}

/** Parses labelled JSON lines (blank lines skipped). */
export function parseLabelled(text: string, name = "input"): LabelledPost[] {
  const out: LabelledPost[] = [];
  text.split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    const row = JSON.parse(line) as Partial<LabelledPost>;
    if (typeof row.text !== "string" || !LEVELS.includes(row.label as Level)) {
      throw new Error(`[crisis-eval] ${name}:${i + 1}: needs "text" and a "label" of ${LEVELS.join("|")}`);
    }
    out.push({ id: String(row.id ?? i + 1), text: row.text, label: row.label as Level, lanes: Array.isArray(row.lanes) ? row.lanes : [] });
  });
  return out;
}
