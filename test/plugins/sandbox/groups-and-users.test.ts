import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type StartedSandbox, startSandbox } from "../../helpers/start-sandbox.ts";
import { client } from "./sandbox-client.ts";
import { startReceiver } from "./webhook-receiver.ts";

describe("sandbox forum: groups, membership and users", () => {
  let sandbox: StartedSandbox;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeEach(async () => {
    receiver = await startReceiver();
    sandbox = await startSandbox({ webhooks: [{ url: receiver.url, secret: "a-long-enough-webhook-secret", events: ["user_added_to_group", "user_removed_from_group"] }] });
  });
  afterEach(async () => {
    await sandbox.close();
    await receiver.close();
  });

  it("should add members, refuse when all are already members, and remove them", async () => {
    const bot = client(sandbox.url, sandbox.apiKey, "kindred");
    const group = (await bot("GET", "/groups/early-recovery-evenings-b.json")).json.group;
    const added = await bot("PUT", `/groups/${group.id}/members.json`, { usernames: "quinn" });
    expect(added.json).toEqual({ success: "OK", usernames: ["quinn"], emails: [] });
    const again = await bot("PUT", `/groups/${group.id}/members.json`, { usernames: "quinn" });
    expect(again.status).toBe(422);
    expect(again.json.errors).toEqual(["'quinn' is already a member of this group."]);
    const removed = await bot("DELETE", `/groups/${group.id}/members.json`, { usernames: "quinn,jordan" });
    expect(removed.json).toEqual({ success: "OK", usernames: ["quinn"], skipped_usernames: ["jordan"] });
    await sandbox.forum.webhooksIdle();
    const events = receiver.received.map((r) => [r.headers["x-discourse-event-type"], r.headers["x-discourse-event"]]);
    expect(events).toEqual([["group_user", "user_added_to_group"], ["group_user", "user_removed_from_group"]]);
    expect(JSON.parse(receiver.received[0].raw).group_user).toMatchObject({ group_id: group.id, user_id: 12 });
  });

  it("should not let a member add people to a group", async () => {
    const member = client(sandbox.url, sandbox.apiKey, "jordan");
    expect((await member("PUT", "/groups/early-recovery-evenings-a/members.json", { usernames: "quinn" })).status).toBe(403);
  });

  it("should hide member lists according to members_visibility_level", async () => {
    const outsider = client(sandbox.url, sandbox.apiKey, "jordan");
    expect((await outsider("GET", "/groups/lgbtq-recovery/members.json")).status).toBe(403);
    expect((await outsider("GET", "/groups/women-circle.json")).status).toBe(404);
    const member = await client(sandbox.url, sandbox.apiKey, "morgan")("GET", "/groups/lgbtq-recovery/members.json?limit=10&offset=0");
    expect(member.status).toBe(200);
    expect(member.json.members.map((m: { username: string }) => m.username).sort()).toEqual(["morgan", "sam_mod"]);
    expect(member.json.meta).toEqual({ total: 2, limit: 10, offset: 0 });
  });

  it("should take membership requests and accept any non-empty accept", async () => {
    const request = await client(sandbox.url, sandbox.apiKey, "jordan")("POST", "/groups/lgbtq-recovery/request_membership.json", { reason: "I would like to join." });
    expect(request.status).toBe(200);
    expect(request.json.relative_url).toMatch(/^\/t\//);
    expect((await client(sandbox.url, sandbox.apiKey, "jordan")("POST", "/groups/lgbtq-recovery/request_membership.json", { reason: "again" })).status).toBe(409);
    const owner = client(sandbox.url, sandbox.apiKey, "sam_mod");
    const requesters = await owner("GET", "/groups/lgbtq-recovery/members.json?requesters=true");
    expect(requesters.json.members.map((m: { username: string; reason: string }) => [m.username, m.reason])).toEqual([["jordan", "I would like to join."]]);
    const group = sandbox.forum.state.groups.get(requesters.json.members.length > 0 ? (await owner("GET", "/groups/lgbtq-recovery.json")).json.group.id : 0);
    const handled = await owner("PUT", `/groups/${group?.id}/handle_membership_request.json`, { user_id: 5, accept: "false" });
    expect(handled.status).toBe(200);
    expect(group?.members.has(5)).toBe(true);
    // Requests are only for groups that allow them.
    expect((await client(sandbox.url, sandbox.apiKey, "quinn")("POST", "/groups/early-recovery-evenings-a/request_membership.json", { reason: "x" })).status).toBe(403);
  });

  it("should show user fields and time zone to staff but not other members' answers to members", async () => {
    const staff = await client(sandbox.url, sandbox.apiKey, "kindred")("GET", "/u/jordan.json");
    expect(staff.json.user.user_fields).toEqual({ "1": "My own recovery", "2": "SMART or other secular", "3": "90 days-1 year" });
    expect(staff.json.user.user_option.timezone).toBe("America/Chicago");
    const peer = await client(sandbox.url, sandbox.apiKey, "riley")("GET", "/u/jordan.json");
    expect(peer.json.user.user_fields).toEqual({});
  });

  it("should create users through the API and list new ones", async () => {
    const admin = client(sandbox.url, sandbox.apiKey, "system");
    const created = await admin("POST", "/users.json", { username: "sky_new", email: "sky@example.com", name: "Sky", password: "a-strong-password", active: true, user_fields: { "1": "Both" } });
    expect(created.json).toMatchObject({ success: true, active: true });
    const taken = await admin("POST", "/users.json", { username: "sky_new", email: "other@example.com", password: "a-strong-password" });
    expect(taken.status).toBe(200);
    expect(taken.json.success).toBe(false);
    const list = await admin("GET", "/admin/users/list/new.json?order=created&asc=false");
    expect(list.json[0].username).toBe("sky_new");
    const detail = await admin("GET", `/admin/users/${created.json.user_id}.json`);
    expect(detail.json.user_fields).toEqual({ "1": "Both" });
  });

  it("should grant moderation and make the directory reflect likes", async () => {
    const admin = client(sandbox.url, sandbox.apiKey, "alex_admin");
    expect((await admin("PUT", "/admin/users/5/grant_moderation.json")).status).toBe(200);
    expect(sandbox.forum.state.users.get(5)?.moderator).toBe(true);
    sandbox.forum.likePost("riley", 102);
    sandbox.forum.likePost("taylor", 102);
    const directory = await admin("GET", "/directory_items.json?period=weekly&order=likes_received");
    expect(directory.json.directory_items[0]).toMatchObject({ likes_received: 2, user: { username: "jordan" } });
  });
});
