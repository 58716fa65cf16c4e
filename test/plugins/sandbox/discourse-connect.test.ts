import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StartedSandbox, startSandbox } from "../../helpers/start-sandbox.ts";

const SECRET = "kindred-admin-connect-secret";
const RETURN = "http://127.0.0.1:9999/admin/auth/callback";
const sign = (payload: string, secret = SECRET) => createHmac("sha256", secret).update(payload).digest("hex");

function request(fields: Record<string, string>, secret = SECRET): string {
  const sso = Buffer.from(new URLSearchParams(fields).toString()).toString("base64");
  return `sso=${encodeURIComponent(sso)}&sig=${sign(sso, secret)}`;
}

async function get(url: string, cookie?: string) {
  return fetch(url, { redirect: "manual", headers: cookie ? { Cookie: cookie } : {} });
}

function answer(location: string): URLSearchParams {
  const url = new URL(location);
  const sso = url.searchParams.get("sso") ?? "";
  expect(url.searchParams.get("sig")).toBe(sign(sso));
  return new URLSearchParams(Buffer.from(sso, "base64").toString("utf8"));
}

describe("sandbox forum: DiscourseConnect provider", () => {
  let sandbox: StartedSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ siteSettings: { enable_discourse_connect_provider: true, discourse_connect_provider_secrets: `127.0.0.1|${SECRET}` } });
  });
  afterAll(() => sandbox.close());

  it("should answer a signed request with the user's id, flags and groups, echoing the nonce", async () => {
    const response = await get(`${sandbox.url}/session/sso_provider?${request({ nonce: "n-123", return_sso_url: RETURN })}`, sandbox.forum.sessionCookie("maria_mod"));
    expect(response.status).toBe(302);
    const location = response.headers.get("location") ?? "";
    expect(location.startsWith(`${RETURN}?sso=`)).toBe(true);
    const fields = answer(location);
    expect(fields.get("nonce")).toBe("n-123");
    expect(fields.get("return_sso_url")).toBe(RETURN);
    expect(fields.get("username")).toBe("maria_mod");
    expect(fields.get("external_id")).toBe(String(sandbox.forum.state.users.get(2)?.id));
    expect(fields.get("moderator")).toBe("true");
    expect(fields.get("admin")).toBe("false");
    expect(fields.get("groups")?.split(",")).toEqual(expect.arrayContaining(["moderators", "staff", "crisis-team"]));
  });

  it("should refuse a forged signature and a payload for an unconfigured domain", async () => {
    const forged = await get(`${sandbox.url}/session/sso_provider?${request({ nonce: "n", return_sso_url: RETURN }, "some-other-secret-value")}`, sandbox.forum.sessionCookie("maria_mod"));
    expect(forged.status).toBe(422);
    expect(await forged.text()).toBe("Login Error");
    const elsewhere = await get(`${sandbox.url}/session/sso_provider?${request({ nonce: "n", return_sso_url: "https://evil.example/cb" })}`, sandbox.forum.sessionCookie("maria_mod"));
    expect(elsewhere.status).toBe(400);
  });

  it("should send a visitor without a session to the login page and come back after login", async () => {
    const query = request({ nonce: "n-456", return_sso_url: RETURN });
    const first = await get(`${sandbox.url}/session/sso_provider?${query}`);
    expect(first.status).toBe(302);
    expect(first.headers.get("location")).toBe("/login");
    const payloadCookie = (first.headers.get("set-cookie") ?? "").split(";")[0];
    const login = await fetch(`${sandbox.url}/session/sandbox-login`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: payloadCookie },
      body: "username=jordan",
    });
    expect(login.status).toBe(302);
    const session = (login.headers.getSetCookie().find((c) => c.startsWith("_t=")) ?? "").split(";")[0];
    const back = await get(`${sandbox.url}${login.headers.get("location")}`, session);
    const fields = answer(back.headers.get("location") ?? "");
    expect(fields.get("username")).toBe("jordan");
    expect(fields.get("moderator")).toBe("false");
    expect(fields.get("nonce")).toBe("n-456");
  });

  it("should answer 404 when the provider is switched off", async () => {
    sandbox.forum.setSiteSetting("enable_discourse_connect_provider", false);
    const response = await get(`${sandbox.url}/session/sso_provider?${request({ nonce: "n", return_sso_url: RETURN })}`);
    expect(response.status).toBe(404);
    sandbox.forum.setSiteSetting("enable_discourse_connect_provider", true);
  });
});
