import type {
  AdminListedUser,
  CreateUserInput,
  CreateUserResponse,
  DirectoryItemsResponse,
  DirectoryOrder,
  DirectoryPeriod,
  UserResponse,
} from "../types/users.ts";
import type { CallOptions, ResourceDeps } from "./bound-call.ts";

export interface DirectoryItemsParams {
  period: DirectoryPeriod;
  order: DirectoryOrder;
  /** 0-based, at most 10. */
  page?: number;
  /** At most 50. */
  limit?: number;
  /** Only members of this group. */
  group?: string;
}

export interface UserMethods {
  /** `GET /u/:username.json` (with `user_fields` keyed by field id). */
  getUser(username: string, options?: CallOptions): Promise<UserResponse>;
  /** `GET /admin/users/list/new.json?order=created` newest first; emails are never requested. */
  listNewUsers(params?: { page?: number }, options?: CallOptions): Promise<AdminListedUser[]>;
  /** `GET /admin/users/list/:flag.json?page=` (100 a page), e.g. who is suspended or silenced now. */
  listUsersByFlag(flag: "suspended" | "silenced" | "staff" | "active", params?: { page?: number }, options?: CallOptions): Promise<AdminListedUser[]>;
  /** `GET /directory_items.json` (the weekly digest's "who helped" source). */
  directoryItems(params: DirectoryItemsParams, options?: CallOptions): Promise<DirectoryItemsResponse>;
  /** `POST /users.json` (admin key: may create an active, approved account — for bot accounts and the sandbox). */
  createUser(input: CreateUserInput, options?: CallOptions): Promise<CreateUserResponse>;
  /** `PUT /admin/users/:id/grant_moderation.json`: bot accounts must be moderators (issue #2, "Identities"). */
  grantModeration(userId: number, options?: CallOptions): Promise<unknown>;
}

export function createUserMethods({ call }: ResourceDeps): UserMethods {
  return {
    getUser: (username, options) =>
      call({ method: "GET", path: `/u/${encodeURIComponent(username)}.json`, signal: options?.signal }),
    listNewUsers: (params = {}, options) =>
      call({
        method: "GET",
        path: "/admin/users/list/new.json",
        query: { order: "created", page: params.page },
        signal: options?.signal,
      }),
    listUsersByFlag: (flag, params = {}, options) =>
      call({ method: "GET", path: `/admin/users/list/${flag}.json`, query: { page: params.page }, signal: options?.signal }),
    directoryItems: (params, options) =>
      call({
        method: "GET",
        path: "/directory_items.json",
        query: { period: params.period, order: params.order, page: params.page, limit: params.limit, group: params.group },
        signal: options?.signal,
      }),
    createUser: (input, options) =>
      call({
        method: "POST",
        path: "/users.json",
        body: {
          name: input.name,
          email: input.email,
          password: input.password,
          username: input.username,
          active: input.active,
          approved: input.approved,
          user_fields: input.userFields,
        },
        signal: options?.signal,
      }),
    grantModeration: (userId, options) =>
      call({ method: "PUT", path: `/admin/users/${userId}/grant_moderation.json`, signal: options?.signal }),
  };
}
