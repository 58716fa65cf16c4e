import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Kindred } from "../../helpers/start-kindred.ts";
import { startAdminKindred, URGENT } from "./admin-helpers.ts";
import { CHROMIUM, freshBrowser } from "./browser.ts";

const ARTIFACTS = fileURLToPath(new URL("../../artifacts/", import.meta.url));

if (!CHROMIUM) console.warn("[admin browser tests] SKIPPED: no Chromium installed (Debian: apt-get install -y chromium; or set CHROMIUM_PATH)");

describe.skipIf(!CHROMIUM)("the /admin status page in a real browser (headless Chromium)", () => {
  let kindred: Kindred;
  let capturedAnswer = "";

  beforeAll(async () => {
    kindred = await startAdminKindred();
    // Four weeks of history for the chart: alerts moderators already decided, as crisis watch records them.
    const now = kindred.clock.now().getTime();
    const history = [[26, 4, "agreed", "suicide_self_harm"], [19, 11, "agreed", "overdose_medical"], [12, 7, "disagreed", "relapse"], [5, 3, "agreed", "suicide_self_harm"], [2, 16, "agreed", "harm_from_others"]] as const;
    for (const [daysAgo, minutes, outcome, lane] of history) {
      const created = new Date(now - daysAgo * 86_400_000);
      await kindred.runtime.store.db
        .insertInto("crisis_alerts")
        .values({ post_id: 9000 + daysAgo, topic_id: null, user_id: null, level: "urgent", lanes: JSON.stringify([lane]), reviewable_id: 900 + daysAgo, alert_topic_id: null, flagged: true, card_sent: true, escalation_step: 0, next_escalation_at: null, acted_at: new Date(created.getTime() + minutes * 60_000), acted_by: "maria_mod", outcome, created_at: created })
        .execute();
    }
  });
  afterAll(async () => {
    await kindred?.close();
  });

  it("should show a moderator, signed in through the forum, the flag that was just raised", async () => {
    const outcome = kindred.forum.actAs("casey").createPost({ topic_id: 11, raw: URGENT });
    await kindred.settle();
    const alert = await kindred.runtime.store.db.selectFrom("crisis_alerts").selectAll().where("outcome", "is", null).executeTakeFirstOrThrow();
    kindred.clock.advance(3 * 60_000);

    const browser = await freshBrowser();
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on("console", (m) => m.type() === "error" && !m.text().startsWith("Failed to load resource") && problems.push(m.text()));
      page.on("response", (r) => r.status() >= 400 && !r.url().endsWith("/favicon.ico") && problems.push(`${r.status()} ${r.url()}`));
      page.on("pageerror", (e) => problems.push(e.message));
      page.on("request", (r) => {
        if (r.url().includes("/admin/sso?")) capturedAnswer = r.url();
      });
      await page.goto(`${kindred.runtime.url}/admin`);
      // The forum's own login page (the sandbox's stands in for Discourse's).
      expect(page.url()).toBe(`${kindred.forumUrl}/login`);
      await page.selectOption("select[name=username]", "maria_mod");
      await page.click("button[type=submit]");
      await page.waitForURL(`${kindred.runtime.url}/admin`);
      await expect.poll(() => page.locator("h1").textContent()).toBe("Kindred status");

      const row = page.locator(`tr[data-alert-id="${alert.id}"]`);
      expect(await row.locator(".badge").textContent()).toBe("urgent");
      expect(await row.textContent()).toContain("3 min");
      expect(await row.textContent()).toContain("moderators told");
      expect(await row.locator("a").getAttribute("href")).toBe(alert.reviewable_id ? `${kindred.forumUrl}/review/${alert.reviewable_id}` : `${kindred.forumUrl}/review?topic_id=11`);
      const text = (await page.locator("body").textContent()) ?? "";
      expect(text).not.toContain("sleeping pills");
      expect(text).not.toContain("casey");
      expect(outcome.action).toBe("created");
      // uPlot drew the chart from the server's numbers; the same numbers are in a table.
      await page.locator("#first-action-chart canvas").waitFor();
      expect(await page.locator("#decisions tbody tr").count()).toBe(4);
      expect(await page.locator("#onboarding table").count()).toBe(1);
      expect(await page.locator("#digest").textContent()).toContain("subscribers");
      expect(await page.locator(".error").count()).toBe(0);
      expect(problems).toEqual([]);

      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: `${ARTIFACTS}admin-status.png`, fullPage: true });
    } finally {
      await browser.dispose();
    }
    expect(capturedAnswer).toContain("sso=");
  });

  it("should refuse the same DiscourseConnect answer when it is replayed", async () => {
    expect(capturedAnswer).not.toBe("");
    const browser = await freshBrowser();
    try {
      const page = await browser.newPage();
      const response = await page.goto(capturedAnswer);
      expect(response?.status()).toBe(403);
      expect(await page.locator("h1").textContent()).toBe("Sign-in expired");
      await page.goto(`${kindred.runtime.url}/admin`);
      expect(page.url()).toBe(`${kindred.forumUrl}/login`);
    } finally {
      await browser.dispose();
    }
  });

  it("should refuse a member, saying the page is for moderators and admins", async () => {
    const browser = await freshBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(`${kindred.runtime.url}/admin`);
      await page.selectOption("select[name=username]", "jordan");
      await page.click("button[type=submit]");
      await expect.poll(() => page.locator("h1").textContent()).toBe("For moderators and admins only");
      expect(await page.locator("body").textContent()).toContain("signed in to the forum as jordan");
      await page.goto(`${kindred.runtime.url}/admin`);
      expect(await page.locator("h1").textContent()).not.toBe("Kindred status");
    } finally {
      await browser.dispose();
    }
  });

  it("should refuse a forged DiscourseConnect answer", async () => {
    const forged = Buffer.from(new URLSearchParams({ nonce: "0".repeat(48), username: "mallory", external_id: "99", moderator: "true", admin: "true" }).toString()).toString("base64");
    const browser = await freshBrowser();
    try {
      const page = await browser.newPage();
      const response = await page.goto(`${kindred.runtime.url}/admin/sso?${new URLSearchParams({ sso: forged, sig: "ab".repeat(32) })}`);
      expect(response?.status()).toBe(403);
      expect(await page.locator("h1").textContent()).toBe("Sign-in refused");
      expect((await browser.cookies()).map((c) => c.name)).not.toContain("kindred_admin");
    } finally {
      await browser.dispose();
    }
  });
});
