import { describe, expect, it } from "vitest";
import { composeGreeterNote } from "../../../bots/onboarding/compose-greeter-note.ts";
import { composeIntake, composeReask } from "../../../bots/onboarding/compose-intake.ts";
import { composeWelcome } from "../../../bots/onboarding/compose-welcome.ts";
import { renderTemplate } from "../../../bots/onboarding/render-template.ts";
import { ConfigError, loadConfig } from "../../../config/index.ts";
import { HEALTH_WORDS } from "../../../config/sections/onboarding.ts";

const config = loadConfig({});
const settings = config.onboarding;
const forumUrl = "https://forum.example";

const HOSTILE = [
  "[click me](javascript:alert(1))",
  "![x](https://evil.example/pixel.png)",
  "@everyone @moderators",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "#staff-only",
  "**bold** _it_ `code`",
  "https://evil.example/phish",
  "line\n# heading\n> quote",
];

/** Stigmatising words a welcome must never use (person-first language, USERS.md). */
const STIGMA = /\b(addicts?|junkies?|junkie|abusers?|alcoholics?|druggies?|dirty|substance abuse|crackheads?|user)\b/i;

describe("onboarding templates", () => {
  it.each(HOSTILE)("should keep the hostile username %j inert in the welcome", (username) => {
    const raw = composeWelcome(settings, { username, forumUrl, resourceCard: "CARD" });
    const firstLine = raw.split("\n")[0];
    expect(firstLine).not.toMatch(/\]\(|!\[|<script|<img|(^|[^\\])@everyone|(^|[^\\])#staff|(^|\s)#\s/);
    expect(firstLine).not.toContain("https://evil");
    expect(raw.split("\n").some((line) => /^#|^>/.test(line))).toBe(false);
  });

  it("should escape member text but keep Kindred's own links", () => {
    const raw = renderTemplate("Hi {{username}}, [say hello]({{introductionsUrl}})", { username: "[x](y)", introductionsUrl: "https://forum.example/c/introductions" });
    expect(raw).toBe("Hi \\[x\\]\\(y\\), [say hello](https://forum.example/c/introductions)");
  });

  it("should welcome warmly with every part issue #4 asks for", () => {
    const raw = composeWelcome(settings, { username: "sam", forumUrl, resourceCard: "RESOURCE-CARD" });
    expect(raw).toContain("RESOURCE-CARD");
    expect(raw).toContain(`${forumUrl}/c/introductions`);
    expect(raw).toContain(`${forumUrl}/privacy`);
    expect(raw).toMatch(/12-step.*SMART.*faith-based.*medication-assisted/s);
    expect(raw).toMatch(/read posts to notice when someone may be in danger/);
    expect(raw).toMatch(/\*\*yes\*\*/);
    expect(raw).not.toMatch(STIGMA);
    expect(raw.split(/\s+/).length).toBeLessThan(260);
  });

  it("should use no stigmatising words in any template", () => {
    for (const [name, text] of Object.entries(settings.templates)) expect(text, name).not.toMatch(STIGMA);
  });

  it("should keep health words out of PM titles, and refuse a title that has them", () => {
    expect(settings.titles.welcome).not.toMatch(HEALTH_WORDS);
    expect(settings.titles.greeterNote).not.toMatch(HEALTH_WORDS);
    expect(() => loadConfig({}, { overrides: { onboarding: { titles: { welcome: "Welcome to your recovery" } } } })).toThrow(ConfigError);
  });

  it("should refuse a template with a placeholder it may not use", () => {
    expect(() => loadConfig({}, { overrides: { onboarding: { templates: { nudge: "Hi {{password}}" } } } })).toThrow(/nudge.*\{\{password\}\}/);
  });

  it("should refuse to share substances, dates or spaces with greeters", () => {
    expect(() => loadConfig({}, { overrides: { onboarding: { greeterNote: { share: ["whoFor", "substances"] } } } })).toThrow(/substances/);
  });

  it("should number every option of the intake on across questions", () => {
    const raw = composeIntake(settings, settings.questions, "sam");
    expect(raw).toContain("**1. What brings you here?**");
    expect(raw).toContain("(1) My own recovery · (2) Someone I care about · (3) Both");
    expect(raw).toContain("(4) 12-step");
    expect(raw).toContain("(33) No, keep them private");
    expect(raw).toMatch(/\*\*6\. A sobriety or start date/);
  });

  it("should re-ask naming only what is missing", () => {
    const missing = settings.questions.filter((q) => q.id === "paths" || q.id === "stage");
    const raw = composeReask(settings, missing);
    expect(raw).toContain("your path and how long you have been in recovery");
    expect(raw).not.toContain("substances");
  });

  it("should list in the greeter note only what a member agreed to share, never medication", () => {
    const raw = composeGreeterNote(
      settings,
      [{ username: "@everyone", answers: { whoFor: "self", paths: ["medication", "twelve-step"], substances: ["opioids"], spaces: ["lgbtq"], sobrietyDate: "2026-01-01" } }],
      settings.questions,
    );
    expect(raw).toContain("\\@everyone: My own recovery; 12-step");
    expect(raw).not.toMatch(/Medication|Opioids|LGBTQ|2026/);
    expect(composeGreeterNote(settings, [], settings.questions)).toBeUndefined();
  });
});
