import type { CategoriesResponse, CategoryResponse, TopTopicsResponse } from "../types/feeds.ts";
import type { DirectoryPeriod } from "../types/users.ts";
import type { CallOptions, ResourceDeps } from "./bound-call.ts";

export interface FeedMethods {
  /** `GET /top.json?period=&per_page=` (`/top/weekly.json` only redirects here). */
  topTopics(params: { period: DirectoryPeriod; perPage?: number }, options?: CallOptions): Promise<TopTopicsResponse>;
  /** `GET /categories.json`. */
  listCategories(options?: CallOptions): Promise<CategoriesResponse>;
  /** `GET /c/:id/show.json`: which groups may read a category (`group_permissions`). */
  getCategory(id: number, options?: CallOptions): Promise<CategoryResponse>;
}

export function createFeedMethods({ call }: ResourceDeps): FeedMethods {
  return {
    topTopics: (params, options) =>
      call({
        method: "GET",
        path: "/top.json",
        query: { period: params.period, per_page: params.perPage },
        signal: options?.signal,
      }),
    listCategories: (options) => call({ method: "GET", path: "/categories.json", signal: options?.signal }),
    getCategory: (id, options) => call({ method: "GET", path: `/c/${id}/show.json`, signal: options?.signal }),
  };
}
