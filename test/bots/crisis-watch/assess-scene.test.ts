import { describe, expect, it } from "vitest";
import { assessAt, type FlaggedRow, itAssessesTable, type QuietRow } from "./assess-table.ts";

const run = assessAt("2026-11-20T21:00:00Z");

// Sentences written for these tests; none comes from an evaluation set. Each flagged row describes a
// scene without naming suicide, overdose or abuse; each quiet row uses the same scene words harmlessly.
const flagged: FlaggedRow[] = [
  ["a dangerous place with a time", "parked at the quarry road tonight, the edge of the cliff is right there", "review", ["suicide_self_harm"]],
  ["a dangerous place with a goodbye", "parked at the quarry road, the edge of the cliff is right there. love you all", "urgent", ["suicide_self_harm"]],
  ["a means set up with finality", "the rope is over the beam in the shed. love you all, sorry for everything", "urgent", ["suicide_self_harm"]],
  ["a means set up, here and now", "sitting here with the toaster next to the bathtub", "urgent", ["suicide_self_harm"]],
  ["a means set up, alone", "the toaster is on the edge of the bathtub and i am in it", "review", ["suicide_self_harm"]],
  ["a place and a body sign", "no sleep for four days, voices in the vents. I am on the 9th floor and the window is open", "review", ["suicide_self_harm"]],
  ["someone out of reach with a means", "my flatmate took her whole stash into the bathroom, the door is locked and it is dead quiet in there", "urgent", ["concern_for_other"]],
  ["several body signs with a drug", "did two lines and now my heart is pounding, chest feels crushing and my left arm is numb", "urgent", ["overdose_medical"]],
  ["someone at the brink", "sat on the ledge of the multistorey with my legs over the side", "urgent", ["suicide_self_harm"]],
  ["a lethal amount just taken", "took the whole blister of my nan's tablets, ears ringing", "urgent", ["overdose_medical"]],
  ["finality said several ways", "the dog goes to my brother, the note is on the kitchen table, thank you for the years", "urgent", ["suicide_self_harm"]],
  ["someone using behind a locked door", "my brother has been using all weekend, he is in the bathroom, the door is locked and i cant hear anything", "urgent", ["concern_for_other"]],
  ["fits while coming off benzos", "day 3 of stopping my benzos cold, had what my wife says was a seizure, bit my tongue and wet myself", "urgent", ["overdose_medical"]],
  ["harm under way, several signs", "he kicked the front door in. he says he will make us sorry. we are hiding in the bathroom", "urgent", ["harm_from_others"]],
  ["a threat being prepared, now", "he poured petrol on the steps and says tonight he will burn the house down with me in it", "urgent", ["harm_from_others"]],
];

const quiet: QuietRow[] = [
  ["a place on a day out", "we walked along the cliff path at the weekend and had chips on the pier"],
  ["a bath and an appliance in a safety tip", "Never use a hair dryer near the bathtub, that's how accidents happen."],
  ["body signs of the flu", "flu has me shivering so bad and my temperature is up, staying in bed"],
  ["a locked door, nobody in danger", "locked myself out again, the door is locked and my keys are inside lol"],
  ["an old story with a place", "ten years ago I stood on the edge of the bridge. Today I walked across it with my daughter."],
  ["a roof in a chore", "spent saturday up on the roof fixing the gutter, my back is killing me"],
  ["a life not lived", "the old me would have been on the roof of that car park tonight. now I'm on my sofa with tea"],
  ["a service handover", "my last meeting as treasurer tonight, handing the cash box to Sam. thank you for the years"],
  ["a scheduled post about a bake sale", "scheduled the post for 6am so people see it before work, the bake sale is saturday"],
  ["a joke about boredom", "this training video is so long im going to die of boredom"],
  ["an age in a recovery story", "I ended up in hospital at 19 after taking the whole box of my dad's pills. I'm 45 now and I run a bakery"],
];

describe("assess: dangerous scenes described without their names", () => {
  itAssessesTable(run, flagged, quiet);

  it("should read a scene's pronouns as its objects, not as someone else", () => {
    const result = run("I have forty tablets lined up on my desk and I'm taking all of them tonight. Goodbye everyone.");
    expect(result.level).toBe("urgent");
    expect(result.lanes).not.toContain("concern_for_other");
  });

  it("should say which parts of the scene decided, for the moderators", () => {
    const result = run("parked at the quarry road tonight, the edge of the cliff is right there");
    expect(result.evidence[0]?.why).toMatch(/dangerous place/);
  });
});
