import type { OkJson } from "./generated-helpers.ts";

/** `GET /groups/:name.json` (spec type). */
export type GroupResponse = OkJson<"getGroup">;
export type Group = GroupResponse["group"];

/** `GET /groups/:name/members.json` (spec type). */
export type GroupMembersResponse = OkJson<"listGroupMembers">;
export type GroupMember = GroupMembersResponse["members"][number];

/** `PUT /groups/:id/members.json` (spec type). */
export type AddGroupMembersResponse = OkJson<"addGroupMembers">;

/** `DELETE /groups/:id/members.json`: not fully in the spec (`skipped_usernames`). */
export interface RemoveGroupMembersResponse {
  success: string;
  usernames: string[];
  skipped_usernames?: string[];
}

/**
 * A pending membership request, from `GET /groups/:name/members.json?requesters=true` (not in the spec).
 * `reason` is what the member wrote when asking: treat it like post text (never log it).
 */
export interface GroupRequester {
  id: number;
  username: string;
  name?: string | null;
  avatar_template?: string;
  reason?: string | null;
  requested_at?: string;
}

export interface GroupRequestersResponse {
  members: GroupRequester[];
  meta: { total: number; limit: number; offset: number };
}

/** `PUT /groups/:id/handle_membership_request.json` (not in the spec). */
export interface HandleMembershipRequestResponse {
  success: string;
}

/** Query of `listGroupMembers`. */
export interface ListGroupMembersParams {
  /** @defaultValue 50 (Discourse allows up to 1000) */
  limit?: number;
  /** @defaultValue 0 */
  offset?: number;
  /** List pending membership requests instead of members. */
  requesters?: boolean;
}
