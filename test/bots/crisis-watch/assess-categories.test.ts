import { describe, expect, it } from "vitest";
import { assessAt, type FlaggedRow, itAssessesTable, type QuietRow } from "./assess-table.ts";

const run = assessAt("2025-05-10T20:00:00Z");

// Categories of danger the detector must read without a crisis keyword. Every sentence was written for
// these tests (none comes from the dev set, the probe or a public set).
const table: FlaggedRow[] = [
  // medical danger by symptoms and mixing
  ["benzos with alcohol now", "had three xanax and now i'm working through a bottle of wine", "urgent", ["overdose_medical"]],
  ["opioid with a sedative", "did my methadone then took two of my mate's sleeping pills on top, nodding hard", "urgent", ["overdose_medical"]],
  ["DTs in alcohol withdrawal", "day 2 without booze. I see spiders on the ceiling that my son says aren't there", "urgent", ["overdose_medical"]],
  ["injection injury", "think I hit an artery, my foot is turning cold", "urgent", ["overdose_medical"]],
  ["many pills already taken", "i swallowed maybe 40 of my paracetamols an hour ago", "urgent", ["overdose_medical"]],
  ["passed out and vomiting", "my sister is passed out on the couch and throwing up, she won't wake up at all", "urgent", ["concern_for_other", "overdose_medical"]],
  ["naloxone given is not a lesson", "my husband has gone grey and is barely breathing, I sprayed narcan twice", "urgent", ["concern_for_other", "overdose_medical"]],
  // harm from others happening now
  ["attacker at the door", "my ex is outside with a bat and keeps banging on the door", "urgent", ["harm_from_others"]],
  ["threat with a time", "he said he'll kill me when he gets back tonight", "urgent", ["harm_from_others"]],
  ["threat without a time", "if I go to the police she said she'll make me pay", "review", ["harm_from_others"]],
  // goodbye and resolve
  ["giving a pet away with thanks", "I'm leaving my dog with my aunt. thank you all for the good times here", "urgent", ["suicide_self_harm"]],
  ["decided and ready", "I've made up my mind and got everything ready. bye", "urgent", ["suicide_self_harm"]],
  // plans with a place or means in reach
  ["place and time", "tomorrow morning I'm walking out to the cliffs. don't try to stop me", "urgent", ["suicide_self_harm"]],
  ["means in reach and despair", "the pills are next to my bed. I can't anymore", "urgent", ["suicide_self_harm"]],
  // self-harm now
  ["bleeding that will not stop", "cut again just now and the bleeding won't stop", "urgent", ["suicide_self_harm"]],
  // passive ideation
  ["thinking about dying", "I think about dying most nights lately, I'm not going to act on it", "review", ["suicide_self_harm"]],
  ["better without me", "relapsed again. my family would honestly be better off without me around", "review", ["suicide_self_harm", "relapse"]],
  ["not caring whether I wake", "I've stopped caring if I wake up tomorrow", "review", ["suicide_self_harm"]],
  // concern for someone else
  ["someone else's death wish", "my nephew keeps telling me he doesn't care if he dies. how do I help", "review", ["concern_for_other", "suicide_self_harm"]],
  ["someone giving things away", "my best friend gave me his guitar and all his records last week out of nowhere", "review", ["concern_for_other", "suicide_self_harm"]],
];

const quiet: QuietRow[] = [
  ["laughing hyperbole", "this spreadsheet makes me want to die lol"],
  ["taper advice", "my psychiatrist is tapering my klonopin to avoid seizures, going well so far"],
  ["workshop about mixing", "Thursday class: why mixing opioids and alcohol is so dangerous, with free naloxone kits"],
  ["anniversary of an old attempt", "today is the anniversary of my attempt, 9 years now and life is good"],
  ["referring to an earlier post", "sorry, my last post was a bit much, I was just annoyed at my landlord"],
  ["someone I used to use with", "ran into a guy I used to use with at the store, we just said hi"],
];

describe("assess: categories of danger without crisis keywords", () => {
  itAssessesTable(run, table, quiet);
  it("should treat a short time fragment as dating the sentence before it", () => {
    expect(run("🔪🩸 again. tonight.").level).toBe("urgent");
    expect(run("🔪🩸 again.").level).toBe("review");
  });
  it("should raise the poster's worry about a quoted goodbye to review", () => {
    const text = '[quote="sam"]\nthanks for everything, I am done with it all\n[/quote]\n\nI am worried about you, can a mod check on him?';
    expect(run(text).level).toBe("review");
    expect(run('[quote="sam"]\nthanks for everything, I am done with it all\n[/quote]\n\nsame here honestly').level).not.toBe("review");
  });
});
