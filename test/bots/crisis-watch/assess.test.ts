import { describe, expect, it } from "vitest";
import { assess, type Level, loadCrisisLexicon } from "../../../bots/crisis-watch/assess/index.ts";

const lexicon = loadCrisisLexicon();
const context = { where: "topic" as const, writtenAt: new Date("2025-05-10T20:00:00Z") };
const level = (text: string, where: "topic" | "pm_to_bot" = "topic") => assess(text, { ...context, where }, lexicon).level;

// All sentences below were written for these tests; none comes from an evaluation set.
const table: [string, string, Level][] = [
  // evasion
  ["leet", "gonna k1ll mys3lf t0night", "urgent"],
  ["stretched letters and slang", "i want to diiiieeee so bad, kms", "review"],
  ["full-width letters", "ｉ ｗａｎｔ ｔｏ ｄｉｅ", "review"],
  ["zero-width characters", "i want to k\u200Bill my\u200Dself", "review"],
  ["Cyrillic look-alikes", "I want to kіll myself", "review"],
  ["zalgo marks", "i wa\u0301nt to d\u0336i\u0336e\u0336", "review"],
  ["spaced letters", "thinking about it again, k i l l  m y s e l f", "review"],
  ["unalive with a plan", "planning to unalive myself this weekend", "urgent"],
  ["sewerslide", "sewerslide is on my mind every day", "review"],
  // means cues outrank the word
  ["pill count with a time", "40 of my sleeping pills are lined up for tonight", "urgent"],
  ["whole bottle taken", "I took the whole bottle of my tylenol an hour ago", "urgent"],
  ["gun at hand with ideation", "I don't want to be here anymore. My brother's rifle is in the hall closet.", "urgent"],
  ["rope ready", "bought rope today. the noose is tied", "urgent"],
  ["car in a closed garage", "engine is running and the garage door is shut, just sitting here", "urgent"],
  ["on a roof", "I'm standing on the roof of my building right now", "urgent"],
  ["blue lips", "my roommate's lips are turning blue and she's barely breathing", "urgent"],
  ["cannot wake someone", "I can't wake him up, we both used an hour ago", "urgent"],
  // negation
  ["real negation", "I'm not going to kill myself, I promise, I just need to vent", "support"],
  ["negation is itself risk", "I can't stop cutting tonight", "urgent"],
  ["denial does not cancel means", "Not suicidal, but I've got a month's worth of pills saved for tonight.", "urgent"],
  // past stories
  ["old attempt", "Ten years ago I tried to kill myself. Today I run a recovery meeting.", "support"],
  ["used to", "I used to cut myself when I was drinking. Four years free of it now.", "support"],
  ["old overdose with year", "I overdosed in 2015 and got revived with narcan. Clean since.", "support"],
  ["recency outranks an old marker", "Years ago I quit, but tonight I'm going to end it all.", "urgent"],
  ["attempt last night, means at hand", "Last night I swallowed most of my meds and I still have the rest here.", "urgent"],
  ["self-harm last week", "I burned myself with a lighter last week, first time in a long while.", "review"],
  // quotes and details
  ["quoted crisis words", '[quote="sam, post:3, topic:12"]\nI want to die tonight\n[/quote]\nSam, please call someone, we are here for you.', "support"],
  ["markdown quote", "> I have the pills ready\n\nThat was me two winters ago. It gets better.", "support"],
  ["cooked aside quote", '<aside class="quote"><blockquote><p>I want to kill myself</p></blockquote></aside><p>Sending you love.</p>', "support"],
  ["details are the author's", '[details="tw"]\nI am going to jump off the bridge after work\n[/details]\nsorry', "urgent"],
  // harm reduction and media
  ["carry narcan", "Carry narcan. It reverses an opioid overdose and the pharmacy gives it without a prescription.", "none"],
  ["signs of overdose education", "Signs of an overdose: blue lips, not breathing, can't be woken. Call 911.", "none"],
  ["a film", "The documentary shows an overdose scene that hit hard.", "none"],
  // goodbye and finality
  ["goodbye everyone", "goodbye everyone. thank you for trying. it's better this way", "urgent"],
  ["retraction does not clear", "This is my last post. Edit: never mind, I'm fine, please delete", "urgent"],
  ["emoji as words", "💊💊💊🍾 👋", "urgent"],
  ["plain bye is not a goodbye", "bye all, see you at the Friday meeting", "none"],
  // concern for others
  ["someone else now", "My sister just texted that she took all her pills and now she won't answer", "urgent"],
  ["someone else's past emergency", "My cousin overdosed on Friday. He pulled through but I can't stop shaking.", "review"],
  ["worry about a friend's words", "My friend keeps saying she wishes she wouldn't wake up. Should I tell someone?", "review"],
  // harm from others
  ["violence now", "He just choked me and said he'll come back to finish it", "urgent"],
  ["threat", "My ex says he'll hurt me if I go to the meeting. I'm scared of him.", "review"],
  // recovery struggle
  ["craving", "The craving is loud tonight. Sitting on my hands and texting my sponsor.", "support"],
  ["relapse without danger", "Relapsed on Saturday after 40 days. Back to day one, going to a meeting tonight.", "support"],
  ["relapse with hopelessness about living", "Relapsed again. I honestly see no reason to keep living.", "review"],
  ["using alone after clean time", "Got a bag after 8 months clean, about to use alone in my car", "urgent"],
  ["withdrawal with hallucinations", "Quit drinking cold turkey two days ago, shaking and seeing bugs on the wall that aren't there", "urgent"],
  // passive ideation and hyperbole
  ["passive ideation", "Lately I wish I could go to sleep and not wake up.", "review"],
  ["burden", "Everyone would be better off without me.", "review"],
  ["hyperbole", "This commute is killing me lol, I could murder a burger", "none"],
  ["supportive advice", "If you ever feel suicidal, please call 988. You matter and we want you here.", "support"],
  ["hypothetical", "What if I just ended it all? Sometimes I wonder.", "support"],
  // other languages
  ["Spanish ideation", "Quiero morir. Recaí otra vez y ya no puedo más.", "review"],
  ["Spanish plan", "Esta noche voy a matarme, ya tengo las pastillas guardadas.", "urgent"],
  ["French ideation", "J'ai des pensées suicidaires depuis ma rechute.", "review"],
  ["French negation", "Je ne veux pas mourir, je suis juste fatigué.", "support"],
];

describe("assess", () => {
  it.each(table)("should assess %s", (_name, text, expected) => {
    expect(level(text)).toBe(expected);
  });

  it("should put a cue in a language it cannot read at review", () => {
    expect(level("Я хочу умереть сегодня, таблетки kms")).toBe("review");
  });

  it("should put an unreadable private message to a bot at review", () => {
    expect(level("Мне очень плохо и я не знаю что делать", "pm_to_bot")).toBe("review");
    expect(level("Мне очень плохо и я не знаю что делать", "topic")).toBe("none");
  });

  it("should never drop a stage-1 match below support", () => {
    for (const text of ["I'm not suicidal", "five years ago I overdosed", "please don't kill yourself"]) {
      const result = assess(text, context, lexicon);
      expect(result.level).toBe("support");
      expect(result.evidence.length).toBeGreaterThan(0);
    }
  });

  it("should explain the deciding sentence to moderators", () => {
    const result = assess("Had a good day at work. Then I counted out the pills and I'm taking them at midnight.", context, lexicon);
    expect(result.level).toBe("urgent");
    expect(result.lanes).toContain("suicide_self_harm");
    const top = result.evidence[0];
    expect(top.level).toBe("urgent");
    expect(top.sentence).toContain("counted out the pills");
    expect(top.why).toMatch(/means/);
    expect(result.score).toBeGreaterThan(3);
  });

  it("should name the lanes of a crisis post", () => {
    expect(assess("my husband isn't breathing after he used, I can't wake him", context, lexicon).lanes).toEqual(
      expect.arrayContaining(["overdose_medical", "concern_for_other"]),
    );
    expect(assess("Relapsed last night and I want to die", context, lexicon).lanes).toEqual(expect.arrayContaining(["suicide_self_harm", "relapse"]));
    expect(assess("Craving a drink so bad tonight", context, lexicon).lanes).toEqual(["craving"]);
  });

  it("should be pure: the same input gives the same answer", () => {
    const text = "kms tonight fr";
    expect(assess(text, context, lexicon)).toEqual(assess(text, context, lexicon));
  });

  it("should report how old the post is when a clock is given", () => {
    const result = assess("hello", { ...context, now: new Date("2025-05-11T20:00:00Z") }, lexicon);
    expect(result.ageHours).toBe(24);
  });
});
