import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

/**
 * Validates sandbox answers against the official Discourse OpenAPI response schemas, through the
 * committed subset (test/fixtures/discourse/openapi-subset.json, made by
 * plugins/sandbox/spec/extract-schemas.ts).
 */
const subset = JSON.parse(readFileSync(new URL("../../fixtures/discourse/openapi-subset.json", import.meta.url), "utf8")) as {
  operations: Record<string, object>;
};

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);

/** Returns the validation errors of `body` for an operation ("GET /posts.json"), or [] when it conforms. */
export function specErrors(operation: string, body: unknown): string[] {
  const schema = subset.operations[operation];
  if (!schema) throw new Error(`no schema for ${operation} in the subset`);
  const validate = ajv.compile(schema);
  if (validate(body)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
}
