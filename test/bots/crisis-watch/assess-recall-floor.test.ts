import { describe, expect, it } from "vitest";
import { assess } from "../../../bots/crisis-watch/assess/index.ts";

const FLOOR = /nothing that cancels them: a person should read it/;
const run = (text: string) => assess(text, { where: "topic", writtenAt: new Date("2026-03-02T20:00:00Z") });

describe("the recall floor", () => {
  it("should send a danger cue of the poster's own, cancelled by nothing, to a person at review", () => {
    const result = run("I have a bottle of sleeping tablets in my drawer.");
    expect(result.level).toBe("review");
    expect(result.evidence.some((e) => FLOOR.test(e.why))).toBe(true);
  });

  it.each([
    "Years ago I had a bottle of sleeping tablets in my drawer, just in case. Not any more.",
    "If you have a bottle of sleeping tablets in your drawer, give them to someone you trust for a while.",
    '[quote="sam, post:4, topic:12"]I have a bottle of sleeping tablets in my drawer[/quote]\nSam, we are right here with you.',
    "Thanks for everything you lot, I mean it. One year today!",
  ])("should not lift the same kind of words when context cancels them: %j", (text) => {
    const result = run(text);
    expect(result.evidence.some((e) => FLOOR.test(e.why))).toBe(false);
    expect(["none", "support"]).toContain(result.level);
  });
});
