import { describe, expect, it } from "vitest";
import { matchGlobalCommand } from "../../plugins/app/match-command.ts";
import { ownWords } from "../../plugins/app/own-words.ts";

describe("matchGlobalCommand", () => {
  it.each([
    ["stop please", "stop"],
    ["Stop.", "stop"],
    ["STOP sending me messages", "stop"],
    ["please stop all messages, thanks", "stop all"],
    ["stop everything", "stop all"],
    ["unsubscribe", "stop"],
    ["resume all please", "resume all"],
    ["please forget me", "forget me"],
    ["Forget me!", "forget me"],
    ["delete my data please", "forget me"],
    ["help", "help"],
  ])("should read %j as %s", (text, command) => {
    expect(matchGlobalCommand(text)).toBe(command);
  });

  it.each(["I can't stop drinking", "stop drinking", "help me stay sober today", "please help me", "I want to stop using for good", "forget it, I'm fine", "start over with the questions"])(
    "should not read %j as a command",
    (text) => {
      expect(matchGlobalCommand(text)).toBeUndefined();
    },
  );
});

describe("ownWords", () => {
  it("should drop Discourse quotes and markdown quote lines, keeping the member's own words", () => {
    const raw = '[quote="sam, post:3, topic:9"]\nI want to die\n[/quote]\nThat sounds hard.\n> stop\nstop please';
    expect(ownWords(raw)).toBe("That sounds hard.\nstop please");
  });

  it("should drop nested quotes whole", () => {
    expect(ownWords("[quote]a [quote]b[/quote] c[/quote] mine")).toBe("mine");
  });
});
