import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileTermWithNeed } from "../../../bots/crisis-watch/assess/compile-term.ts";
import { foldText } from "../../../bots/crisis-watch/assess/fold-text.ts";
import { loadCrisisLexicon } from "../../../bots/crisis-watch/assess/index.ts";
import { normalizeText } from "../../../bots/crisis-watch/assess/normalize-text.ts";
import { regexNeed } from "../../../bots/crisis-watch/assess/regex-need.ts";
import { splitSentences } from "../../../bots/crisis-watch/assess/split-sentences.ts";
import { buildWordPrefilter } from "../../../bots/crisis-watch/assess/word-prefilter.ts";

const lexicon = loadCrisisLexicon();
const fold = (text: string) =>
  splitSentences(text)
    .map((s) => foldText(normalizeText(s, lexicon.emoji)))
    .join("\n");

describe("the words a term needs", () => {
  it("should need every literal word of a phrase and one word of each group, and nothing optional", () => {
    expect(compileTermWithNeed("(took|swallowed) [all] # ~ pill* (tonight)?").need).toEqual([["tok", "swalowed"], ["pil*"]]);
    expect(compileTermWithNeed("kill myself !(when|if)").need).toEqual([["kil"], ["myself"]]);
    expect(compileTermWithNeed("(going to|gonna) (end it|die)").need).toEqual([["going", "gona"], ["end", "die"]]);
  });

  it("should need nothing from a group where one alternative needs nothing", () => {
    expect(compileTermWithNeed("(# pills|[very]) now").need).toEqual([["now"]]);
  });

  it.each([
    ["\\bfever (?:of |is )?(?:10[3-6]|4[01])\\b", [["fever"], ["10*", "4*"]]],
    ["suicid(?:al|e) thoughts?", [["suicid*"], ["thought*"]]],
    ["\\b\\d{2,}\\s?(?:mg|mcg)\\b", [["0*", "1*", "2*", "3*", "4*", "5*", "6*", "7*", "8*", "9*"]]],
    ["x\\d+", [["x*"]]],
    ["(?:he|she) (?:is )?(?:going to|about to) (?:hurt|kil) me(?! when)", [["he", "she"], ["going", "about"], ["hurt", "kil"], ["me"]]],
    ["(?:screaming|yeling)(?<!\\b(?:kid|dog)\\b.{0,120}) for help\\b", [["screaming", "yeling"], ["for"], ["help"]]],
    ["^(?:so |ok )?last post\\b", [["last"], ["post"]]],
    ["(?:lunge[sd]?) at me", [["lunge*"], ["at"], ["me"]]],
    ["a+h", []],
    ["(?<name>x", []],
  ] as const)("should read %s as needing %j", (source, need) => {
    expect(regexNeed(source)).toEqual(need);
  });
});

describe("buildWordPrefilter", () => {
  const pick = buildWordPrefilter([[[["tok", "swalowed"], ["pil*"]]], [[]], [[["bridge"]], [["rof"]]]]);

  it("should pick a cue only when one of its terms has all its words, prefixes included", () => {
    expect(pick("i tok al my pils")).toEqual([0, 1]);
    expect(pick("i tok the dog out")).toEqual([1]);
    expect(pick("walked to the rof\nthen home")).toEqual([1, 2]);
  });
});

// The prefilter may only ever skip cues that cannot match: over every sentence of the project's own
// labelled sets, each cue that matches must be among the candidates.
describe("the lexicon's prefilter", () => {
  const sets = ["written-probe", "written-holdout", "written-final", "written-indirect-a", "written-indirect-b"];
  const texts = sets.flatMap((name) =>
    readFileSync(new URL(`../../fixtures/crisis/${name}.jsonl`, import.meta.url), "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => (JSON.parse(line) as { text: string }).text),
  );

  it("should never skip a cue that matches", () => {
    let matched = 0;
    for (const language of lexicon.languages.values()) {
      for (const text of texts) {
        const folded = fold(text);
        const candidates = new Set(language.candidates(folded));
        for (const cue of language.cues) {
          cue.re.lastIndex = 0;
          if (!cue.re.test(folded)) continue;
          matched++;
          expect(candidates.has(cue), `${cue.id} matches "${folded}" but was skipped`).toBe(true);
        }
      }
    }
    expect(matched).toBeGreaterThan(500);
  });

  it("should never skip a marker that matches a sentence", () => {
    let matched = 0;
    for (const language of lexicon.languages.values()) {
      for (const text of texts) {
        for (const sentence of fold(text).split("\n")) {
          const possible = language.markerCandidates(sentence);
          for (const [name, re] of Object.entries(language.markers)) {
            re.lastIndex = 0;
            if (!re.test(sentence)) continue;
            matched++;
            expect(possible.has(name as never), `marker ${name} matches "${sentence}" but was skipped`).toBe(true);
          }
        }
      }
    }
    expect(matched).toBeGreaterThan(1000);
  });

  it("should skip most cues on an ordinary post", () => {
    const en = lexicon.languages.get("en");
    const post = fold("Went to the Tuesday meeting and the coffee was terrible. My sponsor says keep it simple, so I made a list.");
    expect(en?.candidates(post).length).toBeLessThan((en?.cues.length ?? 0) / 3);
  });
});
