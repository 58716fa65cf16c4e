import { createInterface, type Interface } from "node:readline";
import { Writable } from "node:stream";

/** Questions `kindred setup` asks; with `--yes` nothing is asked. */
export interface Prompter {
  /** Asks for a value; `secret` hides what is typed. Empty input returns `fallback` (or ""). */
  ask(question: string, options?: { secret?: boolean; fallback?: string }): Promise<string>;
  /** A yes/no question, yes by default. */
  confirm(question: string): Promise<boolean>;
  close(): void;
}

/**
 * Prompts on `output` (stderr, so stdout carries only the checklist) reading lines from `input`
 * with node:readline. A secret's echo is muted by dropping output while it is typed.
 */
export function createPrompter(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Prompter {
  let muted = false;
  const sink = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) output.write(chunk);
      done();
    },
  });
  const isTty = (input as { isTTY?: boolean }).isTTY === true;
  let rl: Interface | undefined;
  const lines: string[] = [];
  const waiting: Array<(line: string | undefined) => void> = [];
  let ended = false;
  const readline = () => {
    rl ??= createInterface({ input, output: sink, terminal: isTty });
    rl.on("line", (line) => (waiting.length ? waiting.shift()?.(line) : lines.push(line)));
    rl.on("close", () => {
      ended = true;
      for (const resolve of waiting.splice(0)) resolve(undefined);
    });
    return rl;
  };
  const nextLine = (): Promise<string | undefined> => {
    if (!rl) readline();
    if (lines.length) return Promise.resolve(lines.shift());
    if (ended) return Promise.resolve(undefined);
    return new Promise((resolve) => waiting.push(resolve));
  };
  return {
    async ask(question, options = {}) {
      output.write(`${question}${options.fallback ? ` [${options.fallback}]` : ""}: `);
      muted = options.secret === true && isTty;
      const line = await nextLine();
      muted = false;
      if (options.secret && isTty) output.write("\n");
      if (line === undefined) throw new Error("[setup] no answer (stdin ended): run with --yes and pass the values as flags or environment variables");
      return line.trim() || options.fallback || "";
    },
    async confirm(question) {
      output.write(`${question} [Y/n] `);
      const line = await nextLine();
      if (line === undefined) throw new Error("[setup] no answer (stdin ended): run with --yes to accept every change");
      return !/^\s*n/i.test(line);
    },
    close() {
      rl?.close();
    },
  };
}
