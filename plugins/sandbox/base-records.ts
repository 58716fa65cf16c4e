import type { SandboxState } from "./state.ts";
import { ALIAS_LEVEL, type GroupRecord, type UserRecord, VISIBILITY } from "./types.ts";

/** Discourse's `Group::AUTO_GROUPS` ids. */
export const AUTO_GROUPS = {
  everyone: 0,
  admins: 1,
  moderators: 2,
  staff: 3,
  trust_level_0: 10,
  trust_level_1: 11,
  trust_level_2: 12,
  trust_level_3: 13,
  trust_level_4: 14,
} as const;

/** A user record with Discourse's defaults for what `fields` leaves out. */
export function newUser(fields: Partial<UserRecord> & Pick<UserRecord, "id" | "username" | "createdAt">): UserRecord {
  return {
    name: null,
    email: `${fields.username.toLowerCase()}@example.invalid`,
    active: true,
    approved: true,
    admin: false,
    moderator: false,
    trustLevel: 0,
    lastPostedAt: null,
    lastSeenAt: null,
    timezone: null,
    locale: null,
    userFields: {},
    suspendedAt: null,
    suspendedTill: null,
    suspendReason: null,
    silencedTill: null,
    staged: false,
    title: null,
    primaryGroupId: null,
    externalId: null,
    bioRaw: null,
    ...fields,
  };
}

/** A group record with Discourse's defaults for what `fields` leaves out. */
export function newGroup(fields: Partial<GroupRecord> & Pick<GroupRecord, "id" | "name" | "createdAt">): GroupRecord {
  return {
    fullName: null,
    automatic: false,
    visibilityLevel: VISIBILITY.public,
    membersVisibilityLevel: VISIBILITY.public,
    messageableLevel: ALIAS_LEVEL.nobody,
    mentionableLevel: ALIAS_LEVEL.nobody,
    publicAdmission: false,
    publicExit: false,
    allowMembershipRequests: false,
    membershipRequestTemplate: null,
    bioRaw: null,
    title: null,
    members: new Map(),
    requests: new Map(),
    ...fields,
  };
}

/** What every Discourse has before anyone signs up: the system user and the automatic groups. */
export function installBaseRecords(state: SandboxState, createdAt: string): void {
  state.users.set(-1, newUser({ id: -1, username: "system", name: "system", admin: true, moderator: true, trustLevel: 4, createdAt, email: "no_email" }));
  for (const [name, id] of Object.entries(AUTO_GROUPS)) {
    const staffOnly = name === "admins" || name === "moderators" || name === "staff";
    state.groups.set(
      id,
      newGroup({
        id,
        name,
        automatic: true,
        createdAt,
        visibilityLevel: staffOnly ? VISIBILITY.staff : VISIBILITY.public,
        membersVisibilityLevel: staffOnly ? VISIBILITY.staff : VISIBILITY.public,
        // Group.refresh_automatic_group! makes the moderators group messageable by everyone.
        messageableLevel: name === "moderators" ? ALIAS_LEVEL.everyone : ALIAS_LEVEL.nobody,
      }),
    );
  }
  state.sequences.set("users", 1);
  state.sequences.set("groups", 41);
}
