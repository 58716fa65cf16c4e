import { afterEach, describe, expect, it } from "vitest";
import crisisWatch from "../../../bots/crisis-watch/index.ts";
import { startKindred, type Kindred } from "../../helpers/start-kindred.ts";

const PRIVATE_WORDS = "I have sixty sleeping pills counted out and I'm swallowing all of them tonight. Goodbye.";

describe("what reaches the logs", () => {
  let kindred: Kindred | undefined;
  afterEach(async () => {
    await kindred?.close();
    kindred = undefined;
  });

  it("should carry no post text, no API key and no webhook secret, even at debug level", async () => {
    const lines: string[] = [];
    kindred = await startKindred({ bots: [crisisWatch], overrides: { enabledBots: ["crisis-watch"] }, logLines: lines });
    kindred.forum.actAs("casey").createPost({ topic_id: 11, raw: PRIVATE_WORDS });
    kindred.forum.actAs("jordan").createPost({ topic_id: 11, raw: "A kind reply: you're not alone, please reach out to someone tonight." });
    await kindred.settle();
    await kindred.runtime.runTask("crisis-watch", "catch-up");
    const all = lines.join("\n");
    expect(lines.length).toBeGreaterThan(3);
    expect(all).toContain('"msg":"assessed"');
    expect(all).not.toContain("sleeping pills");
    expect(all).not.toContain("you're not alone");
    expect(all).not.toContain(kindred.forum.apiKey);
    expect(all).not.toContain(kindred.secret);
  });
});
