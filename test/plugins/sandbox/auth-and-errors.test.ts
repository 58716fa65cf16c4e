import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StartedSandbox, startSandbox } from "../../helpers/start-sandbox.ts";
import { call } from "./sandbox-client.ts";

describe("sandbox forum: authentication and error bodies", () => {
  let sandbox: StartedSandbox;
  const readOnlyKey = "read-only-key-0123456789";
  beforeAll(async () => {
    sandbox = await startSandbox({ adminApiKeys: ["global-key-0123456789", { key: readOnlyKey, readOnly: true }] });
  });
  afterAll(() => sandbox.close());

  it("should answer 403 invalid_access without an Api-Key", async () => {
    const answer = await call(sandbox.url, "GET", "/latest.json");
    expect(answer.status).toBe(403);
    expect(answer.json).toEqual({ errors: ["You are not permitted to view the requested resource."], error_type: "invalid_access" });
  });

  it("should answer 403 invalid_access for a bad key or an unknown Api-Username", async () => {
    const badKey = await call(sandbox.url, "GET", "/latest.json", { apiKey: "nope", username: "kindred" });
    expect(badKey.status).toBe(403);
    expect(badKey.json.error_type).toBe("invalid_access");
    const unknownUser = await call(sandbox.url, "GET", "/latest.json", { apiKey: sandbox.apiKey, username: "nobody_here" });
    expect(unknownUser.status).toBe(403);
    expect(unknownUser.json.errors[0]).toMatch(/API username or key is invalid/);
  });

  it("should expose the first global key as apiKey and accept it", async () => {
    expect(sandbox.apiKey).toBe("global-key-0123456789");
    const answer = await call(sandbox.url, "GET", "/latest.json", { apiKey: sandbox.apiKey, username: "kindred" });
    expect(answer.status).toBe(200);
  });

  it("should let a read-only key read but answer 403 on writes", async () => {
    const read = await call(sandbox.url, "GET", "/posts.json", { apiKey: readOnlyKey, username: "kindred" });
    expect(read.status).toBe(200);
    const write = await call(sandbox.url, "POST", "/posts.json", { apiKey: readOnlyKey, username: "kindred", body: { raw: "a reply that is long enough to pass", topic_id: 11 } });
    expect(write.status).toBe(403);
    expect(write.json.error_type).toBe("invalid_access");
  });

  it("should answer Discourse's 404 body for unknown routes and records", async () => {
    for (const path of ["/no-such-route.json", "/t/999999.json", "/posts/999999.json", "/u/nobody_here.json"]) {
      const answer = await call(sandbox.url, "GET", path, { apiKey: sandbox.apiKey, username: "kindred" });
      expect(answer.status, path).toBe(404);
      expect(answer.json).toEqual({ errors: ["The requested URL or resource could not be found."], error_type: "not_found" });
    }
  });

  it("should answer 422 with an errors array for an invalid post", async () => {
    const answer = await call(sandbox.url, "POST", "/posts.json", { apiKey: sandbox.apiKey, username: "jordan", body: { raw: "too short", topic_id: 11 } });
    expect(answer.status).toBe(422);
    expect(answer.json.action).toBe("create_post");
    expect(answer.json.errors).toEqual(["Body is too short (minimum is 20 characters)"]);
  });

  it("should answer 403 for a private category a member cannot read", async () => {
    const answer = await call(sandbox.url, "GET", "/c/5/show.json", { apiKey: sandbox.apiKey, username: "jordan" });
    expect(answer.status).toBe(403);
    const member = await call(sandbox.url, "GET", "/c/5/show.json", { apiKey: sandbox.apiKey, username: "dana" });
    expect(member.status).toBe(200);
    expect(member.json.category.read_restricted).toBe(true);
  });

  it("should refuse a suspended API user", async () => {
    sandbox.forum.suspendUser("taylor");
    const answer = await call(sandbox.url, "GET", "/latest.json", { apiKey: sandbox.apiKey, username: "taylor" });
    expect(answer.status).toBe(403);
  });
});
