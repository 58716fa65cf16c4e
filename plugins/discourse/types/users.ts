import type { OkJson } from "./generated-helpers.ts";

type SpecUserResponse = OkJson<"getUser">;
type SpecUser = SpecUserResponse["user"];

/**
 * A user from `GET /u/:username.json`. The spec's `user_fields` names only ids 1 and 2; real forums have
 * any ids, so it is a record keyed by field id (values are strings: "true" for a ticked confirm field).
 * `timezone` appears when `display_local_time_in_user_card` is on.
 */
export type User = Omit<SpecUser, "user_fields"> & {
  user_fields?: Record<string, string | null>;
  timezone?: string | null;
};

export type UserResponse = Omit<SpecUserResponse, "user"> & { user: User };

/** One row of `GET /admin/users/list/new.json` (spec type; emails are never requested). */
export type AdminListedUser = OkJson<"adminListUsersFlag">[number];

/** `GET /directory_items.json` (spec type). */
export type DirectoryItemsResponse = OkJson<"listUsersPublic">;

export type DirectoryPeriod = "daily" | "weekly" | "monthly" | "quarterly" | "yearly" | "all";
export type DirectoryOrder =
  | "likes_received"
  | "likes_given"
  | "topic_count"
  | "post_count"
  | "topics_entered"
  | "posts_read"
  | "days_visited";

/** `POST /users.json` answer (spec type). */
export type CreateUserResponse = OkJson<"createUser">;

/** Input of `createUser` (sandbox setup, bot accounts). */
export interface CreateUserInput {
  name?: string;
  email: string;
  password: string;
  username: string;
  active?: boolean;
  approved?: boolean;
  userFields?: Record<string, string>;
}
