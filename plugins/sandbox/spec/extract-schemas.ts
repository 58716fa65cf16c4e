/**
 * Extracts the 200-response schemas of the endpoints the sandbox forum serves from Discourse's
 * official OpenAPI document (discourse/discourse_api_docs) into a committed subset, so the sandbox
 * tests validate against the official spec on a clean clone with nothing beside the repo.
 *
 * Usage: node plugins/sandbox/spec/extract-schemas.ts [path/to/openapi.json] [out.json]
 * Defaults: ../shared/discourse/openapi.json → test/fixtures/discourse/openapi-subset.json
 *
 * Errata: where the spec contradicts what Discourse actually sends (checked against real
 * deliveries in webhook-payloads/ and Discourse's serializers), the subset is widened, never
 * narrowed, and each change is listed in the output's `errata`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";

/** Operations the sandbox serves that the spec documents: "METHOD path" as in the spec. */
export const OPERATIONS = [
  "POST /posts.json",
  "GET /posts.json",
  "GET /posts/{id}.json",
  "PUT /posts/{id}.json",
  "POST /post_actions.json",
  "GET /t/{id}.json",
  "GET /latest.json",
  "GET /top.json",
  "GET /categories.json",
  "GET /c/{id}/show.json",
  "GET /groups.json",
  "GET /groups/{name}.json",
  "GET /groups/by-id/{id}.json",
  "GET /groups/{name}/members.json",
  "PUT /groups/{id}/members.json",
  "DELETE /groups/{id}/members.json",
  "GET /directory_items.json",
  "GET /u/{username}.json",
  "POST /users.json",
  "GET /admin/users/list/{flag}.json",
  "PUT /admin/users/{id}/suspend.json",
  "DELETE /admin/users/{id}.json",
] as const;

/** The discourse_api_docs commit the shared openapi.json was taken from (DISCOURSE.md §3). */
const SOURCE_COMMIT = "6737ac2ab31321c6e0dedb76dd2d02fb145b54cb";

type Schema = Record<string, unknown>;

const WIDEN_TO_INTEGER = new Set(["reply_to_post_number", "flair_group_id", "reviewable_id"]);

function widen(schema: unknown, path: string, errata: Set<string>): void {
  if (typeof schema !== "object" || schema === null) return;
  const s = schema as Schema;
  const props = s.properties as Record<string, Schema> | undefined;
  if (props) {
    for (const [name, prop] of Object.entries(props)) {
      const type = prop.type;
      if (WIDEN_TO_INTEGER.has(name) && Array.isArray(type) && type.includes("string") && !type.includes("integer")) {
        prop.type = ["integer", ...type];
        errata.add(`${name}: the spec types it as string|null; Discourse serializes an integer (see webhook-payloads/post_created.json)`);
      }
      if (name === "user_fields" && prop.additionalProperties === false) {
        prop.additionalProperties = { type: ["string", "null"] };
        errata.add("user.user_fields: the spec lists only the example's keys 1 and 2; real forums key it by every user-field id");
      }
      if (name === "featured_topic" && prop.type === "object") {
        prop.type = ["object", "null"];
        errata.add("user.featured_topic: null when the user has not featured a topic (UserSerializer)");
      }
      if (name === "category_id" && prop.type === "integer" && path.startsWith("GET /t/")) {
        prop.type = ["integer", "null"];
        errata.add("topic.category_id: null for personal messages (TopicViewSerializer)");
      }
      if (name === "reviewable_id" && path.startsWith("GET /t/") && prop.type === "integer") {
        prop.type = ["integer", "null"];
        errata.add("topic post_stream reviewable_id: null when the post has no reviewable (PostSerializer)");
      }
      if (name === "actions_summary" && typeof prop.items === "object" && prop.items !== null) {
        const items = prop.items as Schema;
        const itemProps = items.properties as Record<string, Schema> | undefined;
        if (items.additionalProperties === false && itemProps && !("acted" in itemProps)) {
          Object.assign(itemProps, { count: { type: "integer" }, acted: { type: "boolean" }, can_undo: { type: "boolean" } });
          errata.add("actions_summary items: Discourse adds count, acted and can_undo once someone acted (as GET /posts/{id}.json's schema documents)");
        }
      }
      widen(prop, path, errata);
    }
  }
  if (s.items) widen(s.items, path, errata);
  for (const key of ["oneOf", "anyOf", "allOf"]) if (Array.isArray(s[key])) for (const sub of s[key] as unknown[]) widen(sub, path, errata);
}

/** Builds the subset document from a parsed openapi.json. */
export function extractSchemas(spec: { paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> }>> }) {
  const errata = new Set<string>();
  const operations: Record<string, Schema> = {};
  for (const op of OPERATIONS) {
    const [method, path] = op.split(" ");
    const schema = spec.paths[path]?.[method.toLowerCase()]?.responses?.["200"]?.content?.["application/json"]?.schema;
    if (!schema) throw new Error(`[extract-schemas] the spec has no 200 JSON schema for ${op}`);
    const copy = structuredClone(schema);
    widen(copy, op, errata);
    operations[op] = copy;
  }
  return {
    $comment: "GENERATED – DO NOT EDIT. Made by plugins/sandbox/spec/extract-schemas.ts from Discourse's official OpenAPI document.",
    source: { repository: "discourse/discourse_api_docs", commit: SOURCE_COMMIT, file: "openapi.json" },
    errata: [...errata].sort(),
    operations,
  };
}

if (import.meta.main) {
  const input = resolve(process.argv[2] ?? "../shared/discourse/openapi.json");
  const output = resolve(process.argv[3] ?? "test/fixtures/discourse/openapi-subset.json");
  const subset = extractSchemas(JSON.parse(readFileSync(input, "utf8")));
  writeFileSync(output, `${JSON.stringify(subset, null, 2)}\n`);
  console.log(`[extract-schemas] wrote ${Object.keys(subset.operations).length} schemas to ${output}`);
}
