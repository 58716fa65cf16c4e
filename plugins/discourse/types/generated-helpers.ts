import type { operations } from "../generated/openapi.ts";

/** The JSON body of an operation's 200 answer in Discourse's OpenAPI spec. */
export type OkJson<Op extends keyof operations> = operations[Op] extends {
  responses: { 200: { content: { "application/json": infer Body } } };
}
  ? Body
  : never;

/** A JSON request body in Discourse's OpenAPI spec. */
export type RequestJson<Op extends keyof operations> = operations[Op] extends {
  requestBody?: { content: { "application/json": infer Body } };
}
  ? Body
  : never;
