import { expect, it } from "vitest";
import { assess, type CrisisLane, type Level, loadCrisisLexicon } from "../../../bots/crisis-watch/assess/index.ts";

/** A sentence that must reach `level` with at least `lanes`: [name, text, level, lanes]. */
export type FlaggedRow = [string, string, Level, CrisisLane[]];
/** A look-alike that must stay below a flag: [name, text]. */
export type QuietRow = [string, string];

const lexicon = loadCrisisLexicon();

/** The assessment of one text as a topic post written at `writtenAt`. */
export function assessAt(writtenAt: string): (text: string) => ReturnType<typeof assess> {
  const context = { where: "topic" as const, writtenAt: new Date(writtenAt) };
  return (text) => assess(text, context, lexicon);
}

/** One test per row: flagged rows reach their level and lanes, quiet rows stay at none or support. */
export function itAssessesTable(run: (text: string) => ReturnType<typeof assess>, flagged: readonly FlaggedRow[], quiet: readonly QuietRow[]): void {
  for (const [name, text, want, lanes] of flagged) {
    it(`should assess ${name} as ${want}${lanes.length ? ` with ${lanes.join(" + ")}` : ""}`, () => {
      const result = run(text);
      expect(result.level).toBe(want);
      for (const lane of lanes) expect(result.lanes).toContain(lane);
    });
  }
  for (const [name, text] of quiet) {
    it(`should not flag ${name}`, () => {
      expect(["none", "support"]).toContain(run(text).level);
    });
  }
}
