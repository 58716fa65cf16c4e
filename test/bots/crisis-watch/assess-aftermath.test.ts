import { describe, expect, it } from "vitest";
import { compileTerm } from "../../../bots/crisis-watch/assess/compile-term.ts";
import { foldText } from "../../../bots/crisis-watch/assess/fold-text.ts";
import { assessAt, type FlaggedRow, itAssessesTable, type QuietRow } from "./assess-table.ts";

const run = assessAt("2025-06-02T21:00:00Z");

// Review-level signals (present passive ideation, harm that is over, someone else's emergency,
// threats that are not happening now) and urgent signals said without the usual words. Each mechanism
// has a sentence that must flag and a look-alike that must not. Every sentence was written for these
// tests (none comes from the dev set, the probe, holdout or final fixtures, or a public set).
const flagged: FlaggedRow[] = [
  // passive ideation in everyday words
  ["unsure about wanting to live", "honestly idk whether I still want to be alive. it's not a drama thing.", "review", ["suicide_self_harm"]],
  ["hoping the heart stops", "Most nights I lie there hoping my heart just gives out.", "review", ["suicide_self_harm"]],
  ["hoping a day never comes", "I go to bed hoping the morning never comes.", "review", ["suicide_self_harm"]],
  ["death as a relief", "Being dead wouldn't be so bad at this point. I won't do anything, I just don't care.", "review", ["suicide_self_harm"]],
  ["should have died back then", "Picked up again last week. I should have just died the first time round.", "review", ["suicide_self_harm"]],
  ["burden with a time", "Don't worry about me, I won't be anyone's problem much longer.", "review", ["suicide_self_harm"]],
  ["everyone better off, said with I", "Sometimes it feels like everybody would be happier if I wasn't around.", "review", ["suicide_self_harm"]],
  ["sleep and never wake", "I just want to go to sleep and never wake up.", "review", ["suicide_self_harm"]],
  ["wishing not to have woken", "Most days I wish I hadn't woken up at all.", "review", ["suicide_self_harm"]],
  ["nobody would notice", "If I was gone next week nobody would even notice.", "review", ["suicide_self_harm"]],
  ["hoping using ends it", "Honestly I hope the next bag finishes me.", "review", ["suicide_self_harm"]],
  ["a threat of regret", "My ex keeps texting that he's going to make me regret leaving.", "review", ["harm_from_others"]],
  ["rather be dead", "Some days I'd rather be dead, that's the honest answer.", "review", ["suicide_self_harm"]],
  ["Spanish: better not to wake", "A veces siento que sería mejor no despertarme.", "review", ["suicide_self_harm"]],
  ["French: simpler not to be here", "Franchement ce serait plus facile de ne plus être là.", "review", ["suicide_self_harm"]],
  // harm that is over
  ["an overdose that ended in hospital", "Swallowed a load of my sleeping pills on Tuesday and woke up in the ICU. Home now.", "review", ["suicide_self_harm"]],
  ["skin picked until it bled", "I scratched at my arms until they bled on Monday, it has settled since.", "review", ["suicide_self_harm"]],
  ["a relapse into self-harm", "I relapsed on the cutting over the weekend, it's healing.", "review", ["suicide_self_harm"]],
  // someone else's emergency the poster is reeling from
  ["a brother taken to the ER", "My brother was rushed to the ER on Sunday with alcohol poisoning. He's home, I can't stop shaking.", "review", ["concern_for_other"]],
  ["an overdose witnessed", "Saw a girl overdose at the bus station yesterday and I keep replaying it.", "review", ["concern_for_other"]],
  ["a goodbye-like post by someone else", "My cousin posted something on Facebook that read like a goodbye. She says she's okay now.", "review", ["concern_for_other"]],
  ["someone else hurt themself", "My niece burned herself with a lighter on Thursday and I'm the one who noticed.", "review", ["concern_for_other"]],
  ["CPR on a stranger", "I had to do CPR on a man outside the chemist on Monday and I keep shaking.", "review", ["concern_for_other"]],
  // threats that are not happening now
  ["a conditional threat with 'ever'", "She said if I ever leave she'll make sure I never see the kids, and she'll come after me.", "review", ["harm_from_others"]],
  ["someone found the new address", "My ex found my new address somehow. I'm scared to go home.", "review", ["harm_from_others"]],
  ["a threatening note", "There was a note on my door saying watch your back.", "review", ["harm_from_others"]],
  ["control of money and meds", "He takes my bank card and says I can have it back when I behave.", "review", ["harm_from_others"]],
  ["Portuguese conditional threat", "Se eu sair de casa ele me mata, ele disse isso de novo.", "review", ["harm_from_others"]],
  ["a threat from someone parked outside", "He says I'm going to pay for talking to the police, and his van has been parked outside since lunch.", "urgent", ["harm_from_others"]],
  // urgent without the usual words
  ["a whole pack just taken", "took the entire box of my paracetamol about an hour ago", "urgent", ["overdose_medical"]],
  ["at the edge of a high place now", "Sitting on the railing of the overpass typing this.", "urgent", ["suicide_self_harm"]],
  ["calm since deciding", "I've felt so peaceful since I decided. Everything is sorted.", "urgent", ["suicide_self_harm"]],
  ["saying goodbye outright", "The pills are lined up on the desk. This is me saying goodbye.", "urgent", ["suicide_self_harm"]],
  ["a plan after the bottle", "Once I finish this bottle I'm taking all the tramadol in the cupboard.", "urgent", ["suicide_self_harm"]],
  ["nodding hard after lost tolerance", "first time in a year and my tolerance is gone, I'm nodding out hard", "urgent", ["overdose_medical"]],
  ["spreading infection from injecting", "the injection site on my leg is hot and swollen, red streaks going up toward my knee", "urgent", ["overdose_medical"]],
  ["a rope emoji and a goodbye", "🪢👋", "urgent", ["suicide_self_harm"]],
];

const quiet: QuietRow[] = [
  ["effort idiom", "It took everything I had to walk past the off-licence today."],
  ["a planned hospital visit", "I ended up in the ER last month with a sprained ankle, all good now."],
  ["giving up a drug", "I gave up on booze for good two years ago and I'm done with that life."],
  ["a friendly see you soon", "She said see you soon at Thursday's meeting!"],
  ["a benign decision", "We finally decided on a venue for the sober dance."],
  ["calm after a healthy decision", "I've felt calm since I decided to go back to meetings."],
  ["amends letters", "I wrote letters to my kids as part of my ninth step amends."],
  ["doubt with a condition", "I don't think I'll make it through the week without my sponsor, so I'm calling her daily."],
  ["a haircut", "I cut my fringe too short myself, never again."],
  ["a CPR course", "Signed up for a first aid course where we learn CPR on dummies."],
  ["a hangover wish", "Big night out, hope I don't wake up with a headache tomorrow."],
  ["a last post before a move", "This is my last post before we move to Leeds, thank you all for the years."],
  ["a visit that is not stalking", "My sponsor showed up at my door with soup when I had the flu."],
  ["rather die than a chore", "I'd rather die than sit through that detox food again lol."],
  ["old infection story", "Back when I was using I had an abscess that needed antibiotics."],
  ["a past self-harm story", "Years ago I used to scratch my arms until they bled; ten years clean now."],
  ["an agreed safeguard", "My wife holds onto my card on paydays, which we agreed together."],
];

describe("assess: review-level and indirect signals", () => {
  itAssessesTable(run, flagged, quiet);
  it("should read 'suicide' next to present despair as the poster's own", () => {
    expect(run("Suicide is on my mind. I can't do this anymore.").level).toMatch(/review|urgent/);
    expect(run("Our meeting discussed suicide prevention tonight.").level).not.toMatch(/review|urgent/);
  });
  it("should count overlapping words as one sign, but a means inside a longer match as its own", () => {
    // "my family would be better" (finality) sits inside the burden phrase: one way of talking, review.
    expect(run("my family would be better off if I just wasn't here").level).toBe("review");
    expect(run("🪢 👋").level).toBe("urgent");
  });
  it("should give a cue that names I to the poster even after another subject", () => {
    expect(run("Lately I feel like everyone would be lighter if I was gone.").level).toBe("review");
    expect(run("Lately I feel like everyone would be lighter if she was gone.").level).not.toBe("review");
  });
  it("should read 'going to kill me when she sees' as an idiom and a slang verb aimed at a thing as a joke", () => {
    expect(run("My partner is going to kill me when he sees the phone bill.").level).not.toMatch(/review|urgent/);
    expect(run("My partner is going to kill me, he said so tonight and he has a knife.").level).toBe("urgent");
    expect(run("one more rainy day and I'm gonna unalive the toaster").level).not.toMatch(/review|urgent/);
    expect(run("gonna unalive tonight, it's sorted").level).toBe("urgent");
  });
  it("should compile a trailing !(…) as 'not followed by'", () => {
    const re = new RegExp(`\\b(?:${compileTerm("kill me !(when|if)")})\\b`);
    // Terms run on folded text ("kill" folds to "kil"), so the samples are folded the same way.
    expect(re.test(foldText("he will kill me tonight"))).toBe(true);
    expect(re.test(foldText("she will kill me when she sees it"))).toBe(false);
    expect(re.test(foldText("kill me"))).toBe(true);
  });
  it("should date a sentence by a short fragment right after it", () => {
    expect(run("I had the DTs in a cell and saw bugs on the walls. That was 2009. Clean ever since.").level).not.toMatch(/review|urgent/);
    expect(run("I stopped drinking two days ago and I'm seeing bugs on the walls and shaking.").level).toBe("urgent");
  });
  it("should flag someone who keeps turning up (the 'at my work' closeness marker may make it urgent)", () => {
    expect(run("He keeps turning up at my work even though I blocked him.").level).toMatch(/review|urgent/);
    expect(run("My sponsor keeps turning up early to meetings.").level).not.toMatch(/review|urgent/);
  });
  it("should raise a conditional death wish to review once the relapse it named has happened", () => {
    expect(run("Drank again on Saturday. I always told myself if I ever drank again I'd rather be dead.").level).toBe("review");
    expect(run("If I ever drink again I'd rather be dead, so I go to a meeting every day. Two years sober.").level).not.toMatch(/review|urgent/);
  });
  it("should keep a past relative clause from dating the threat", () => {
    expect(run("He said he'll put me in the ground if I tell anyone what he used to sell me.").level).toMatch(/review|urgent/);
    expect(run("My ex used to threaten me, but that was long ago.").level).not.toMatch(/review|urgent/);
  });
});
