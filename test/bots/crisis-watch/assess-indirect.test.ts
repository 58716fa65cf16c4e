import { describe, expect, it } from "vitest";
import { assessAt, type FlaggedRow, itAssessesTable, type QuietRow } from "./assess-table.ts";

const run = assessAt("2025-05-10T20:00:00Z");

// Danger said indirectly: each mechanism with a sentence that must flag and a harmless look-alike that
// must not. Every sentence was written for these tests (none comes from the dev set, probe, holdout or
// a public set).
const flagged: FlaggedRow[] = [
  // finality by logistics: weak cues that add up
  ["pet rehomed with a sign-off", "Could someone take my cat Moss by Sunday? I won't be around after that. You all tried, honestly.", "urgent", ["suicide_self_harm"]],
  ["a will and letters with thanks", "Signed my will this morning and the cards for my daughters are in the drawer. Thanks for the last four years.", "urgent", ["suicide_self_harm"]],
  ["keys left so no one breaks in", "I've left my spare key under the mat so nobody has to kick the door in. Sorry everyone.", "urgent", ["suicide_self_harm"]],
  ["a post set to publish later", "I set this to post at noon. By now I'm gone. Don't blame anyone.", "urgent", ["suicide_self_harm"]],
  // slang verbs with a time or intent
  ["slang without a reflexive", "ngl gonna sewerslide this weekend, it's all sorted", "urgent", ["suicide_self_harm"]],
  // medical danger by symptom clusters
  ["someone grey after a drug", "my flatmate took some pills an hour ago and now he's gone a sort of grey colour and his breathing sounds like snoring", "urgent", ["concern_for_other", "overdose_medical"]],
  ["own severe signs on a drug", "two days awake on meth, I've got pain going down my left arm and my jaw aches", "urgent", ["overdose_medical"]],
  ["a child into medicine", "my little one got into my sleeping pills and is so floppy, she won't stay awake", "urgent", ["concern_for_other", "overdose_medical"]],
  // threat now: a violent person close by
  ["threat from someone at the door", "he's at the front door shouting that he's going to teach me a lesson", "urgent", ["harm_from_others"]],
  ["threat with a key and a time", "She says she'll kick the door in when she gets back later. She still has a key.", "urgent", ["harm_from_others"]],
  // someone else's goodbye reported by the poster
  ["a friend's goodbye text", "My friend just texted 'thank you for everything' and now her phone is off. I can't reach her.", "urgent", ["concern_for_other", "suicide_self_harm"]],
  // passive wishes in everyday words
  ["no more days", "honestly I don't want any more days like this, I'm not going to act on it", "review", ["suicide_self_harm"]],
  ["better off if I wasn't there", "my kids would be better off if I just wasn't there", "review", ["suicide_self_harm"]],
];

const quiet: QuietRow[] = [
  ["moving house sign-off", "Moving house on Friday and the new flat has no internet for a while. Thanks for everything, see you on the other side!"],
  ["a pet given away for a new job", "Starting a new job overseas, so Moss needs a new home by Sunday. I won't be around to look after her."],
  ["a will after a parent's death", "Since my dad passed I've been the executor, and his will was signed back in 2010. Thanks for the last four years of support."],
  ["a shift on a helpline", "On my volunteer shift on the helpline a caller told me he was going to end it, and we talked for an hour."],
  ["a film plot", "In the film the main character leaves his dog with a neighbour and writes letters for his kids before the plot twist."],
  ["chest pain from panic", "panic attack this morning, chest pain and my arm felt tingly, GP says it's anxiety"],
  ["a joke two sentences on", "If one more person says 'one day at a time' I'm going to throw myself off the sofa. A whole foot. 😂"],
  ["an anniversary of an old night", "Two years ago tonight I sat in the car park with a plan. Today I'm two years sober and doing fine."],
];

describe("assess: indirect danger", () => {
  itAssessesTable(run, flagged, quiet);
  it("should keep each weak cue alone below a flag", () => {
    expect(run("Can anyone take my cat Moss?").level).not.toMatch(/review|urgent/);
    expect(run("Thanks for the last four years, you lot.").level).not.toMatch(/review|urgent/);
    expect(run("my chest hurts and my arm aches after the gym").level).not.toMatch(/review|urgent/);
    expect(run("he has a key to my flat").level).not.toMatch(/review|urgent/);
  });
  it("should keep a threat without closeness at review", () => {
    expect(run("he says he'll teach me a lesson if I go back to meetings").level).toBe("review");
  });
  it("should explain a cluster in the evidence", () => {
    const result = run("Could someone take my cat Moss by Sunday? I won't be around after that. You all tried, honestly.");
    expect(result.evidence.some((e) => e.cues.includes("suicide.absence") && e.why.includes("arrangements"))).toBe(true);
  });
});
