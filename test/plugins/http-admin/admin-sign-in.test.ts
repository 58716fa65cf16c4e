import { afterEach, describe, expect, it } from "vitest";
import { signSso } from "../../../plugins/http/admin/discourse-connect-consumer.ts";
import type { Kindred } from "../../helpers/start-kindred.ts";
import { cookiesOf, startAdminKindred, startSignIn } from "./admin-helpers.ts";

describe("the /admin sign-in through the forum (DiscourseConnect)", () => {
  let kindred: (Kindred & { connectSecret: string }) | undefined;
  afterEach(async () => {
    await kindred?.close();
    kindred = undefined;
  });

  it("should send a signed-out visitor to the forum with a signed, fresh nonce", async () => {
    kindred = await startAdminKindred();
    const k = kindred;
    const first = await fetch(`${k.runtime.url}/admin`, { redirect: "manual" });
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe("/admin/login");
    const login = await fetch(`${k.runtime.url}/admin/login`, { redirect: "manual" });
    const target = new URL(login.headers.get("location") as string);
    expect(`${target.origin}${target.pathname}`).toBe(`${k.forumUrl}/session/sso_provider`);
    const sso = target.searchParams.get("sso") as string;
    expect(target.searchParams.get("sig")).toBe(signSso(sso, k.connectSecret));
    const fields = new URLSearchParams(Buffer.from(sso, "base64").toString("utf8"));
    expect(fields.get("return_sso_url")).toBe(`${k.runtime.url}/admin/sso`);
    expect(cookiesOf(login)).toBe(`kindred_admin_nonce=${fields.get("nonce")}`);
    expect(login.headers.get("content-security-policy")).toContain("script-src 'self'");
  });

  it("should let a moderator in, and refuse the same answer a second time", async () => {
    kindred = await startAdminKindred();
    const k = kindred;
    const { answerUrl, nonceCookie } = await startSignIn(k, "maria_mod");
    const answer = await fetch(answerUrl, { redirect: "manual", headers: { Cookie: nonceCookie } });
    expect(answer.status).toBe(303);
    const session = cookiesOf(answer);
    expect(session).toMatch(/^kindred_admin=[\w-]+\.[\w-]+$/);
    const page = await fetch(`${k.runtime.url}/admin`, { headers: { Cookie: session } });
    expect(page.status).toBe(200);
    const body = await page.text();
    expect(body).toContain("Signed in as <strong>maria_mod</strong> (moderator)");
    expect(body).toContain("No open crisis flags.");
    expect(page.headers.get("content-security-policy")).toMatch(/default-src 'none'/);
    expect(body).not.toMatch(/<script>|style="|onload=/);

    const replay = await fetch(answerUrl, { redirect: "manual", headers: { Cookie: nonceCookie } });
    expect(replay.status).toBe(403);
    expect(cookiesOf(replay)).toBe("");
    expect(await replay.text()).toContain("already used");
  });

  it("should refuse a member with a clear page", async () => {
    kindred = await startAdminKindred();
    const k = kindred;
    const { answerUrl, nonceCookie } = await startSignIn(k, "jordan");
    const answer = await fetch(answerUrl, { redirect: "manual", headers: { Cookie: nonceCookie } });
    expect(answer.status).toBe(403);
    expect(cookiesOf(answer)).toBe("");
    const text = await answer.text();
    expect(text).toContain("For moderators and admins only");
    expect(text).toContain("signed in to the forum as jordan");
  });

  it("should refuse forged and tampered answers", async () => {
    kindred = await startAdminKindred();
    const k = kindred;
    const { answerUrl, nonceCookie } = await startSignIn(k, "jordan");
    const real = new URL(answerUrl);
    const fields = new URLSearchParams(Buffer.from(real.searchParams.get("sso") as string, "base64").toString("utf8"));
    fields.set("moderator", "true");
    const forgedSso = Buffer.from(fields.toString()).toString("base64");
    for (const sig of [real.searchParams.get("sig") as string, signSso(forgedSso, "a-guessed-secret-0000"), "", "zz"]) {
      const forged = await fetch(`${k.runtime.url}/admin/sso?${new URLSearchParams({ sso: forgedSso, sig })}`, { redirect: "manual", headers: { Cookie: nonceCookie } });
      expect(forged.status).toBe(403);
      expect(cookiesOf(forged)).toBe("");
      expect(await forged.text()).toContain("not signed by the forum");
    }
  });

  it("should refuse an answer that comes back after the nonce expired, or in another browser", async () => {
    kindred = await startAdminKindred();
    const k = kindred;
    const late = await startSignIn(k, "maria_mod");
    k.clock.advance(11 * 60_000);
    const expired = await fetch(late.answerUrl, { redirect: "manual", headers: { Cookie: late.nonceCookie } });
    expect(expired.status).toBe(403);
    const elsewhere = await startSignIn(k, "maria_mod");
    const otherBrowser = await fetch(elsewhere.answerUrl, { redirect: "manual" });
    expect(otherBrowser.status).toBe(403);
    expect(cookiesOf(otherBrowser)).toBe("");
  });

  it("should refuse everyone, saying why, while no DiscourseConnect secret is set", async () => {
    kindred = await startAdminKindred({ secret: null });
    const k = kindred;
    const res = await fetch(`${k.runtime.url}/admin/login`, { redirect: "manual" });
    expect(res.status).toBe(503);
    expect(await res.text()).toContain("DISCOURSE_CONNECT_SECRET");
  });
});
