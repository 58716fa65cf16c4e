import { afterEach, describe, expect, it } from "vitest";
import { defineBot } from "../../../plugins/app/define-bot.ts";
import { startKindred, type Kindred } from "../../helpers/start-kindred.ts";
import { runCli } from "./run-cli.ts";

describe("kindred jobs failed / retry", () => {
  let kindred: Kindred | undefined;
  afterEach(async () => {
    await kindred?.close();
    kindred = undefined;
  });

  it("should list a failed job without its text, and retry it with the post fetched again", async () => {
    let broken = true;
    const seen: string[] = [];
    const flaky = defineBot({
      name: "flaky",
      lane: "onboarding",
      account: "greeter",
      setup(app) {
        app.on("post_created", (ctx) => {
          if (broken) throw new Error("the bot is having a bad day");
          seen.push(ctx.payload.post.raw ?? "");
        });
      },
    });
    kindred = await startKindred({ bots: [flaky], overrides: { enabledBots: ["flaky"] } });
    kindred.forum.actAs("morgan").createPost({ title: "Words that stay on the forum", raw: "Something personal I only want on the forum.", category: 2 });
    await kindred.settle();

    const env = { REDIS_URL: "redis://127.0.0.1:6379" };
    const listed = await runCli(["jobs", "failed", "--prefix", kindred.prefix], env);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^events\tpost_created-post-\d+-v1\tpost_created\t3 attempts\t.*\[flaky\] post_created failed: the bot is having a bad day/m);
    expect(listed.stdout).not.toContain("Something personal");
    const id = listed.stdout.split("\t")[1];

    broken = false;
    const retried = await runCli(["jobs", "retry", id, "--prefix", kindred.prefix], env);
    expect(retried.stdout.trim()).toBe(`retrying events job ${id}`);
    await kindred.settle();
    expect(seen).toEqual(["Something personal I only want on the forum."]);
    expect((await runCli(["jobs", "failed", "--prefix", kindred.prefix], env)).stdout.trim()).toBe("no failed jobs");
    expect((await runCli(["jobs", "retry", "no-such-job", "--prefix", kindred.prefix], env)).code).toBe(2);
  }, 60_000);
});
