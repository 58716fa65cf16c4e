import { describe, expect, it } from "vitest";
import { compileTerm } from "../../../bots/crisis-watch/assess/compile-term.ts";
import { foldText } from "../../../bots/crisis-watch/assess/fold-text.ts";
import { loadCrisisLexicon } from "../../../bots/crisis-watch/assess/index.ts";
import { normalizeText } from "../../../bots/crisis-watch/assess/normalize-text.ts";
import { splitAuthorText } from "../../../bots/crisis-watch/assess/split-author-text.ts";

const { emoji } = loadCrisisLexicon();
const fold = (text: string) => foldText(normalizeText(text, emoji));

describe("normalisation and folding", () => {
  it.each([
    ["k1ll mys3lf", "kil myself"],
    ["su1c1de", "suicide"],
    ["d1e t0night", "die tonight"],
    ["sooooo tiiiired", "so tired"],
    ["I'm DONE", "im done"],
    ["ｋｍｓ", "kms"],
    ["k\u200Bm\u200Ds", "kms"],
    ["k.m.s", "kms"],
    ["kіll myself (Cyrillic і)", "kil myself cyrilic"],
    ["rechuté", "rechute"],
    ["💊💊 bye", "emoji_pil emoji_pil bye"],
  ])("should fold %s", (input, expected) => {
    expect(fold(input)).toBe(expected);
  });

  it("should keep digits of numbers, units and years", () => {
    expect(fold("took 800mg and 20 pills in 2016, on the 2nd")).toBe("tok 800mg and 20 pils in 2016 on the 2nd");
  });

  it("should leave text in another script alone", () => {
    expect(normalizeText("Мне плохо", emoji)).toBe("Мне плохо");
  });
});

describe("compileTerm", () => {
  it("should fold literal words like the text", () => {
    expect(new RegExp(compileTerm("don't kill myself")).test(fold("dont kiiill myself"))).toBe(true);
  });

  it("should support groups, optionals, gaps, numbers and prefixes", () => {
    const re = new RegExp(`^(?:${compileTerm("(took|swallowed) [all] # ~ pill* (tonight)?")})$`);
    expect(re.test("tok 30 pils")).toBe(true);
    expect(re.test("swalowed al a handful of those white pils tonight")).toBe(true);
    expect(re.test("tok pils")).toBe(false);
  });

  it("should expand macros and reject unknown ones", () => {
    expect(compileTerm("{X} now", { X: "(a|b)" })).toBe("(?:a|b) now");
    expect(() => compileTerm("{NOPE} now")).toThrow(/unknown macro/);
  });
});

describe("splitAuthorText", () => {
  it("should take nested bbcode quotes out and keep details", () => {
    const raw = '[quote="a"]outer [quote="b"]inner[/quote] rest[/quote]\n[details="cw"]my own words[/details]';
    const { own, quoted } = splitAuthorText(raw);
    expect(own).toContain("my own words");
    expect(own).not.toContain("inner");
    expect(quoted.join(" ")).toContain("inner");
    expect(quoted.join(" ")).toContain("outer");
  });

  it("should treat markdown > lines and cooked asides as quotes", () => {
    expect(splitAuthorText("> theirs\nmine").own.trim()).toBe("mine");
    expect(splitAuthorText('<aside class="quote"><blockquote><p>theirs</p></blockquote></aside><p>mine</p>').own.trim()).toBe("mine");
  });
});
