import type {
  AddGroupMembersResponse,
  GroupMember,
  GroupMembersResponse,
  GroupRequester,
  GroupRequestersResponse,
  GroupResponse,
  HandleMembershipRequestResponse,
  ListGroupMembersParams,
  RemoveGroupMembersResponse,
} from "../types/groups.ts";
import type { CallOptions, ResourceDeps } from "./bound-call.ts";

export interface GroupMethods {
  /** `GET /groups/:name.json`. */
  getGroup(name: string, options?: CallOptions): Promise<GroupResponse>;
  /** `GET /groups/:name/members.json` (one page); with `requesters: true`, pending membership requests. */
  listGroupMembers(
    name: string,
    params: ListGroupMembersParams & { requesters: true },
    options?: CallOptions,
  ): Promise<GroupRequestersResponse>;
  listGroupMembers(name: string, params?: ListGroupMembersParams, options?: CallOptions): Promise<GroupMembersResponse>;
  /** Every member (or requester), page after page; each page is one budgeted call. */
  iterateGroupMembers(
    name: string,
    params?: { pageSize?: number; requesters?: boolean },
    options?: CallOptions,
  ): AsyncGenerator<GroupMember | GroupRequester>;
  /** `PUT /groups/:id/members.json` with `usernames` (Discourse errors if all are members already). */
  addGroupMembers(groupId: number, usernames: string[], options?: CallOptions): Promise<AddGroupMembersResponse>;
  /** `DELETE /groups/:id/members.json` with `usernames`. */
  removeGroupMembers(groupId: number, usernames: string[], options?: CallOptions): Promise<RemoveGroupMembersResponse>;
  /**
   * `PUT /groups/:id/handle_membership_request.json`. Discourse treats ANY non-empty `accept` as yes
   * (even "false"), so a denial omits the field.
   */
  handleMembershipRequest(
    groupId: number,
    userId: number,
    accept: boolean,
    options?: CallOptions,
  ): Promise<HandleMembershipRequestResponse>;
}

export function createGroupMethods({ call }: ResourceDeps): GroupMethods {
  function listGroupMembers(name: string, params: ListGroupMembersParams = {}, options?: CallOptions) {
    return call<GroupMembersResponse & GroupRequestersResponse>({
      method: "GET",
      path: `/groups/${encodeURIComponent(name)}/members.json`,
      query: { limit: params.limit ?? 50, offset: params.offset ?? 0, requesters: params.requesters ? "true" : undefined },
      signal: options?.signal,
    });
  }

  return {
    getGroup: (name, options) =>
      call({ method: "GET", path: `/groups/${encodeURIComponent(name)}.json`, signal: options?.signal }),
    listGroupMembers,
    async *iterateGroupMembers(name, params = {}, options) {
      const limit = params.pageSize ?? 50;
      for (let offset = 0; ; offset += limit) {
        const page = await listGroupMembers(name, { limit, offset, requesters: params.requesters }, options);
        yield* page.members;
        const total = page.meta?.total;
        if (page.members.length < limit || (typeof total === "number" && offset + limit >= total)) return;
      }
    },
    addGroupMembers: (groupId, usernames, options) =>
      call({ method: "PUT", path: `/groups/${groupId}/members.json`, body: { usernames: usernames.join(",") }, signal: options?.signal }),
    removeGroupMembers: (groupId, usernames, options) =>
      call({
        method: "DELETE",
        path: `/groups/${groupId}/members.json`,
        body: { usernames: usernames.join(",") },
        signal: options?.signal,
      }),
    handleMembershipRequest: (groupId, userId, accept, options) =>
      call({
        method: "PUT",
        path: `/groups/${groupId}/handle_membership_request.json`,
        body: accept ? { user_id: userId, accept: "true" } : { user_id: userId },
        signal: options?.signal,
      }),
  };
}
