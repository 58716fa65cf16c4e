import { existsSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractSchemas } from "../../../plugins/sandbox/spec/extract-schemas.ts";
import { type StartedSandbox, startSandbox } from "../../helpers/start-sandbox.ts";
import { client } from "./sandbox-client.ts";
import { specErrors } from "./spec-validator.ts";

/** Answers of the sandbox checked against Discourse's official OpenAPI response schemas. */
describe("sandbox forum: responses match the official OpenAPI schemas", () => {
  let sandbox: StartedSandbox;
  let admin: ReturnType<typeof client>;
  let member: ReturnType<typeof client>;
  beforeAll(async () => {
    sandbox = await startSandbox();
    admin = client(sandbox.url, sandbox.apiKey, "alex_admin");
    member = client(sandbox.url, sandbox.apiKey, "jordan");
  });
  afterAll(() => sandbox.close());

  const cases: Array<[string, string, () => Promise<{ status: number; json: unknown }>]> = [
    ["POST /posts.json", "reply", () => member("POST", "/posts.json", { raw: "A reply that is long enough to pass.", topic_id: 11, reply_to_post_number: 1 })],
    ["POST /posts.json", "new topic", () => member("POST", "/posts.json", { title: "A brand new topic title", raw: "A body that is long enough to pass.", category: 2 })],
    ["GET /posts.json", "latest", () => member("GET", "/posts.json")],
    ["GET /posts/{id}.json", "show", () => member("GET", "/posts/102.json")],
    ["PUT /posts/{id}.json", "edit", () => member("PUT", "/posts/102.json", { post: { raw: "Day 100 today, feeling steady." } })],
    ["POST /post_actions.json", "flag", () => member("POST", "/post_actions.json", { id: 103, post_action_type_id: 7, message: "please check" })],
    ["GET /t/{id}.json", "topic", () => member("GET", "/t/11.json")],
    ["GET /latest.json", "latest topics", () => member("GET", "/latest.json")],
    ["GET /top.json", "top", () => member("GET", "/top.json?period=weekly")],
    ["GET /categories.json", "categories", () => member("GET", "/categories.json")],
    ["GET /c/{id}/show.json", "category", () => member("GET", "/c/2/show.json")],
    ["GET /groups.json", "groups", () => member("GET", "/groups.json")],
    ["GET /groups/{name}.json", "group", () => member("GET", "/groups/family-and-friends.json")],
    ["GET /groups/by-id/{id}.json", "group by id", () => admin("GET", "/groups/by-id/43.json")],
    ["GET /groups/{name}/members.json", "members", () => member("GET", "/groups/early-recovery-evenings-a/members.json")],
    ["PUT /groups/{id}/members.json", "add", () => admin("PUT", "/groups/42/members.json", { usernames: "quinn" })],
    ["DELETE /groups/{id}/members.json", "remove", () => admin("DELETE", "/groups/42/members.json", { usernames: "quinn" })],
    ["GET /directory_items.json", "directory", () => member("GET", "/directory_items.json?period=weekly&order=likes_received")],
    ["GET /u/{username}.json", "user", () => admin("GET", "/u/jordan.json")],
    ["POST /users.json", "create user", () => admin("POST", "/users.json", { username: "spec_user", email: "spec@example.com", password: "a-strong-password", active: true })],
    ["GET /admin/users/list/{flag}.json", "new users", () => admin("GET", "/admin/users/list/new.json?show_emails=true")],
    ["PUT /admin/users/{id}/suspend.json", "suspend", () => admin("PUT", "/admin/users/11/suspend.json", { suspend_until: "2099-01-01T00:00:00Z", reason: "spec check" })],
    ["DELETE /admin/users/{id}.json", "delete", () => admin("DELETE", "/admin/users/12.json", { delete_posts: true })],
  ];

  for (const [operation, label, run] of cases) {
    it(`should answer ${operation} (${label}) in the documented shape`, async () => {
      const answer = await run();
      expect(answer.status).toBe(200);
      expect(specErrors(operation, answer.json)).toEqual([]);
    });
  }

  const officialSpec = new URL("../../../../shared/discourse/openapi.json", import.meta.url);
  it.skipIf(!existsSync(officialSpec))("should keep the committed subset in step with the official spec beside the repo", () => {
    const committed = JSON.parse(readFileSync(new URL("../../fixtures/discourse/openapi-subset.json", import.meta.url), "utf8"));
    expect(extractSchemas(JSON.parse(readFileSync(officialSpec, "utf8")))).toEqual(committed);
  });

  it("should be detected by the validator when a required field is missing", () => {
    expect(specErrors("PUT /groups/{id}/members.json", { success: "OK", usernames: [] })).not.toEqual([]);
  });
});
