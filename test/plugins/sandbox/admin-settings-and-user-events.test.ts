import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type StartedSandbox, startSandbox } from "../../helpers/start-sandbox.ts";
import { client } from "./sandbox-client.ts";
import { startReceiver } from "./webhook-receiver.ts";

describe("sandbox forum: site settings and user lifecycle events", () => {
  let sandbox: StartedSandbox;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeEach(async () => {
    receiver = await startReceiver();
    sandbox = await startSandbox({ webhooks: [{ url: receiver.url, secret: "a-long-enough-webhook-secret", events: ["user_created", "user_approved", "user_suspended", "user_destroyed"] }] });
  });
  afterEach(async () => {
    await sandbox.close();
    await receiver.close();
  });

  it("should read and change the settings Kindred checks, admins only", async () => {
    const admin = client(sandbox.url, sandbox.apiKey, "alex_admin");
    const names = ["retry_web_hook_events", "must_approve_users", "enable_user_directory", "discourse_narrative_bot_welcome_post_type", "disable_discourse_narrative_bot_welcome_post", "enable_discourse_connect_provider"];
    const list = await admin("GET", `/admin/site_settings.json?${names.map((n) => `filter_names[]=${n}`).join("&")}`);
    expect(list.json.site_settings.map((s: { setting: string }) => s.setting).sort()).toEqual([...names].sort());
    expect(list.json.site_settings.find((s: { setting: string }) => s.setting === "retry_web_hook_events").value).toBe("false");
    const put = await admin("PUT", "/admin/site_settings/retry_web_hook_events", { retry_web_hook_events: true });
    expect(put.status).toBe(200);
    expect(sandbox.forum.state.siteSettings.get("retry_web_hook_events")?.value).toBe(true);
    expect((await admin("PUT", "/admin/site_settings/discourse_narrative_bot_welcome_post_type", { discourse_narrative_bot_welcome_post_type: "bogus" })).status).toBe(422);
    expect((await client(sandbox.url, sandbox.apiKey, "kindred")("GET", "/admin/site_settings.json")).status).toBe(403);
  });

  it("should send user_created, user_approved (must_approve_users), user_suspended and user_destroyed", async () => {
    const { forum } = sandbox;
    forum.setSiteSetting("must_approve_users", true);
    const user = forum.createUser({ username: "pending_pat", email: "pat@example.com", active: true });
    expect(user.approved).toBe(false);
    forum.approveUser("pending_pat");
    const admin = client(sandbox.url, sandbox.apiKey, "alex_admin");
    expect((await admin("PUT", `/admin/users/${user.id}/suspend.json`, { suspend_until: "2099-01-01T00:00:00Z", reason: "test" })).status).toBe(200);
    expect((await admin("DELETE", `/admin/users/${user.id}.json`)).json).toEqual({ deleted: true });
    await forum.webhooksIdle();
    expect(receiver.received.map((r) => r.headers["x-discourse-event"])).toEqual(["user_created", "user_approved", "user_suspended", "user_destroyed"]);
    const destroyed = JSON.parse(receiver.received[3].raw).user;
    expect(destroyed).toMatchObject({ id: user.id, username: "pending_pat", email: "pat@example.com" });
    expect(forum.state.users.has(user.id)).toBe(false);
  });

  it("should refuse to delete a user with posts unless asked to delete them", async () => {
    const admin = client(sandbox.url, sandbox.apiKey, "alex_admin");
    expect((await admin("DELETE", "/admin/users/5.json")).status).toBe(403);
    expect((await admin("DELETE", "/admin/users/5.json", { delete_posts: true })).status).toBe(200);
  });
});
