/**
 * The contract of `kindred crisis classify`: JSON lines `{"id": …, "text": …}` in, JSON lines
 * `{"id": …, "level": …, "lanes": […]}` out, one per input line, in the same order, nothing else on
 * the output. Other tools evaluate the detector through this, so keep it exact.
 */
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { type AssessContext, assess, type CompiledLexicon, loadCrisisLexicon, type Where } from "../assess/index.ts";

const WHERE: ReadonlySet<string> = new Set(["topic", "pm_to_bot", "intake_reply", "reviewable"]);

/** Options of `classifyStream`. */
export interface ClassifyStreamOptions {
  lexicon?: CompiledLexicon;
  /** The clock for `writtenAt` when a line has none. @defaultValue `() => new Date()` */
  now?: () => Date;
  /** Told about lines that are not valid JSON (they still get an output line, at `review`). */
  onError?: (lineNumber: number, error: Error) => void;
}

/**
 * Classifies every non-blank input line. An input line may also carry `where` and `writtenAt`.
 * A line that cannot be parsed is answered `{"id": null, "level": "review", "lanes": []}` so that
 * output stays aligned with input and an unreadable post reaches a person rather than vanishing.
 *
 * @returns the number of lines classified.
 */
export async function classifyStream(input: Readable, output: Writable, options: ClassifyStreamOptions = {}): Promise<number> {
  const lexicon = options.lexicon ?? loadCrisisLexicon();
  const now = options.now ?? (() => new Date());
  let count = 0;
  let lineNumber = 0;
  for await (const line of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    lineNumber++;
    if (line.trim() === "") continue;
    count++;
    const answer = classifyLine(line, lexicon, now, (error) => options.onError?.(lineNumber, error));
    if (!output.write(`${JSON.stringify(answer)}\n`)) await new Promise((resolve) => output.once("drain", resolve));
  }
  return count;
}

function classifyLine(line: string, lexicon: CompiledLexicon, now: () => Date, onError: (error: Error) => void) {
  let row: { id?: unknown; text?: unknown; where?: unknown; writtenAt?: unknown };
  try {
    row = JSON.parse(line);
    if (typeof row !== "object" || row === null || typeof row.text !== "string") throw new Error("a line needs a string \"text\"");
  } catch (error) {
    onError(error instanceof Error ? error : new Error(String(error)));
    return { id: null, level: "review", lanes: [] };
  }
  const written = typeof row.writtenAt === "string" ? new Date(row.writtenAt) : now();
  const context: AssessContext = {
    where: typeof row.where === "string" && WHERE.has(row.where) ? (row.where as Where) : "topic",
    writtenAt: Number.isNaN(written.getTime()) ? now() : written,
  };
  const result = assess(row.text as string, context, lexicon);
  return { id: row.id ?? null, level: result.level, lanes: result.lanes };
}
