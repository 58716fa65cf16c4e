import type { OkJson } from "./generated-helpers.ts";

/** `GET /top.json` (spec type). */
export type TopTopicsResponse = OkJson<"listTopTopics">;

/** `GET /categories.json` (spec type). */
export type CategoriesResponse = OkJson<"listCategories">;

/** `GET /c/:id/show.json` (spec type): one category with its `group_permissions` (the weekly digest). */
export type CategoryResponse = OkJson<"getCategory">;

/** `GET /site/basic-info.json` (spec type), used by `health()`. */
export type SiteBasicInfo = OkJson<"getSiteBasicInfo">;
