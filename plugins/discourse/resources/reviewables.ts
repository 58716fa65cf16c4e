import type { ListReviewablesParams, ReviewableListResponse, ReviewableResponse } from "../types/reviewables.ts";
import type { CallOptions, ResourceDeps } from "./bound-call.ts";

export interface ReviewableMethods {
  /** `GET /review.json` (pending items by default; hidden low-score items need `priority`/`status`). */
  listReviewables(params?: ListReviewablesParams, options?: CallOptions): Promise<ReviewableListResponse>;
  /** `GET /review/:id.json`. */
  getReviewable(id: number, options?: CallOptions): Promise<ReviewableResponse>;
}

export function createReviewableMethods({ call }: ResourceDeps): ReviewableMethods {
  return {
    listReviewables: (params = {}, options) =>
      call({
        method: "GET",
        path: "/review.json",
        query: {
          status: params.status,
          type: params.type,
          category_id: params.categoryId,
          topic_id: params.topicId,
          priority: params.priority,
          username: params.username,
          sort_order: params.sortOrder,
          offset: params.offset,
        },
        signal: options?.signal,
      }),
    getReviewable: (id, options) => call({ method: "GET", path: `/review/${id}.json`, signal: options?.signal }),
  };
}
