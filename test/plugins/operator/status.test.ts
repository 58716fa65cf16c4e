import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import { createApiBudget } from "../../../plugins/discourse/index.ts";
import { escapeHtml, html } from "../../../plugins/http/admin/html.ts";
import { loadStatus } from "../../../plugins/http/admin/load-status.ts";
import { statusText } from "../../../plugins/operator/status-text.ts";
import type { Kindred } from "../../helpers/start-kindred.ts";
import { REDIS_URL } from "../../helpers/redis.ts";
import { startAdminKindred, URGENT } from "../http-admin/admin-helpers.ts";

describe("kindred status (the status page's numbers as text)", () => {
  let kindred: Kindred | undefined;
  afterEach(async () => {
    await kindred?.close();
    kindred = undefined;
  });

  it("should list an open flag with its age, step and forum link, and no post text", async () => {
    kindred = await startAdminKindred();
    const k = kindred;
    k.forum.actAs("casey").createPost({ topic_id: 11, raw: URGENT });
    await k.settle();
    k.clock.advance(12 * 60_000);
    await k.runtime.runTask("crisis-watch", "escalation");
    const redis = new Redis(REDIS_URL);
    const budget = createApiBudget({ redis, prefix: `${k.prefix}:budget` });
    try {
      const lines = statusText(await loadStatus({ services: k.runtime.services, budget, metrics: k.runtime.metrics }));
      const flag = lines.find((l) => /^\s+#\d+ urgent/.test(l)) ?? "";
      expect(flag).toContain("suicide / self-harm");
      expect(flag).toContain("raised 12 min ago, escalation step 1");
      expect(flag).toMatch(new RegExp(`${k.forumUrl}/review`));
      expect(lines.join("\n")).not.toMatch(/pills|casey/);
      expect(lines).toContain("Onboarding funnel (welcomed → answered → joined a group → posted ≤7 d)");
      expect(lines.some((l) => l.includes("could not be read"))).toBe(false);
    } finally {
      await budget.close();
      redis.disconnect();
    }
  });

  it("should escape everything put into the page", () => {
    const hostile = `<script>alert("x")</script>' onmouseover=x \``;
    expect(html`<td title="${hostile}">${hostile}</td>`.value).toBe(`<td title="${escapeHtml(hostile)}">${escapeHtml(hostile)}</td>`);
    expect(escapeHtml(hostile)).not.toMatch(/[<>"'`]/);
  });
});
