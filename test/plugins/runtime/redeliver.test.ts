import { afterEach, describe, expect, it } from "vitest";
import { defineBot } from "../../../plugins/app/define-bot.ts";
import { startKindred, type Kindred } from "../../helpers/start-kindred.ts";

describe("redelivery of failed webhook deliveries", () => {
  let kindred: Kindred | undefined;
  afterEach(async () => {
    await kindred?.close();
    kindred = undefined;
  });

  it("should bring back a PM between members that was delivered while Kindred answered errors", async () => {
    const seen: number[] = [];
    const recorder = defineBot({ name: "recorder", lane: "crisis", account: "crisis", setup: (app) => app.on("post_created", (ctx) => void seen.push(ctx.payload.post.id)) });
    kindred = await startKindred({ bots: [recorder], overrides: { enabledBots: ["recorder"] } });
    kindred.forum.setWebhookReceiverDown({ status: 503 });
    const created = kindred.forum.actAs("riley").createPost({ title: "Just between us two", raw: "A private note between two members.", archetype: "private_message", target_recipients: "dana" }) as unknown as { post: { id: number } };
    await kindred.settle();
    expect(seen).toEqual([]);
    kindred.forum.setWebhookReceiverDown(false);
    await kindred.runtime.runTask("runtime", "redeliver-failed");
    await kindred.settle();
    expect(seen).toEqual([created.post.id]);
    // Nothing left to redeliver, and a second run sends nothing again.
    await kindred.runtime.runTask("runtime", "redeliver-failed");
    await kindred.settle();
    expect(seen).toEqual([created.post.id]);
  });
});
