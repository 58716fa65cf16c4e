import { describe, expect, it } from "vitest";
import { compileTerm } from "../../../bots/crisis-watch/assess/compile-term.ts";
import { foldText } from "../../../bots/crisis-watch/assess/fold-text.ts";
import { assessAt, type FlaggedRow, itAssessesTable, type QuietRow } from "./assess-table.ts";

const run = assessAt("2026-11-20T21:00:00Z");

// Sentences written for these tests; none comes from an evaluation set.
const flagged: FlaggedRow[] = [
  ["someone unreachable after a goodbye text", "my cousin messaged me 'sorry for everything, love you' and now her phone goes straight to voicemail", "urgent", ["concern_for_other", "suicide_self_harm"]],
  ["someone shut in with a blade", "my roommate locked himself in the bathroom and won't answer, he had a knife with him earlier", "urgent", ["concern_for_other"]],
  ["someone heading to a high place tonight", "a guy from my group said he is going to the old bridge after work tonight. can't reach him, if anyone knows him please call", "urgent", ["concern_for_other"]],
  ["a death by suicide last night", "my uncle killed himself last night and i can't stop shaking", "review", ["concern_for_other"]],
  ["a sentence-anchored last post after other sentences", "sat in the car for a while. thought about my kids. last post", "urgent", ["suicide_self_harm"]],
  ["trying not to act on it", "trying not to kill myself tonight, it is really hard", "urgent", ["suicide_self_harm"]],
  ["the logistics of being gone", "bills are paid and the dog is with my sister for good now. tonight is the night", "urgent", ["suicide_self_harm"]],
];

const quiet: QuietRow[] = [
  ["a suicide long ago told as a story", "my grandfather took his own life in 1998 and I still think of him at Christmas"],
  ["people in general with a reflexive", "People hurt themselves when nobody listens, so let's listen."],
  ["the reader's relative", "why does your brother want to kill himself? has he talked to a doctor?"],
  ["a best way to go about a task", "the best way to go about step four is one page a day"],
  ["tired of myself (off folds to of)", "honestly getting tired of myself and my excuses"],
  ["an idiom of mortality", "I will die on this hill: decaf is not coffee"],
  ["a goodbye before a move", "moving to a new city next week, see you all on the other side of the boxes"],
];

describe("assess: structure added for indirect danger", () => {
  itAssessesTable(run, flagged, quiet);

  it("should compile a word gap so that V8 does not unroll it (the same matches, a smaller expression)", () => {
    const source = compileTerm("(took|swallowed) ~ (pills|tablets)");
    expect(source).toContain("(?=[a-z0-9_])");
    const re = new RegExp(`\\b(?:${source})\\b`);
    expect(re.test(foldText("took all of my pills"))).toBe(true);
    expect(re.test(foldText("took pills"))).toBe(true);
    expect(re.test(foldText("took the dog and my tablets"))).toBe(false);
  });
});
