import { insertPost, insertTopic } from "./actions/insert-post.ts";
import { newGroup, newUser } from "./base-records.ts";
import type { SandboxContext } from "./context.ts";
import { SEED_CATEGORIES, SEED_GROUPS, SEED_TOPICS, SEED_USERS } from "./seed-data.ts";
import { findGroupByName, findUserByUsername, nextId } from "./state.ts";
import type { UserRecord } from "./types.ts";

const DAY = 86_400_000;

/** Loads the demo community of seed-data.ts straight into state (no webhooks, no checks). */
export function applySeed(ctx: SandboxContext): void {
  const now = ctx.now().getTime();
  const at = (daysAgo: number, hoursLater = 0) => new Date(now - daysAgo * DAY + hoursLater * 3_600_000).toISOString();
  for (const seed of SEED_USERS) {
    const id = nextId(ctx.state, "users");
    ctx.state.users.set(
      id,
      newUser({
        id,
        username: seed.username,
        name: seed.name,
        createdAt: at(seed.daysAgo),
        admin: seed.role === "admin",
        moderator: seed.role === "moderator",
        trustLevel: seed.trustLevel,
        timezone: seed.timezone,
        userFields: { ...(seed.userFields ?? {}) },
        lastSeenAt: at(0),
      }),
    );
  }
  const user = (name: string) => findUserByUsername(ctx.state, name) as UserRecord;
  for (const seed of SEED_GROUPS) {
    const group = newGroup({
      id: nextId(ctx.state, "groups"),
      name: seed.name,
      fullName: seed.fullName,
      bioRaw: seed.bio,
      createdAt: at(300),
      visibilityLevel: seed.visibilityLevel,
      membersVisibilityLevel: seed.membersVisibilityLevel,
      messageableLevel: seed.messageableLevel,
      publicAdmission: seed.publicAdmission,
      publicExit: true,
      allowMembershipRequests: seed.allowMembershipRequests,
    });
    for (const owner of seed.owners) group.members.set(user(owner).id, { owner: true, addedAt: at(300) });
    for (const member of seed.members) group.members.set(user(member).id, { owner: false, addedAt: at(60) });
    ctx.state.groups.set(group.id, group);
  }
  for (const seed of SEED_CATEGORIES) {
    for (const groupName of Object.keys(seed.permissions)) {
      if (!findGroupByName(ctx.state, groupName)) throw new Error(`[sandbox] seed category ${seed.slug} names unknown group ${groupName}`);
    }
    ctx.state.categories.set(seed.id, {
      id: seed.id,
      name: seed.name,
      slug: seed.slug,
      color: seed.color,
      textColor: "FFFFFF",
      description: seed.description,
      position: seed.id,
      permissions: { ...seed.permissions },
      requireTopicApproval: seed.requireTopicApproval === true,
      requireReplyApproval: false,
      createdAt: at(400),
    });
  }
  for (const seed of SEED_TOPICS) {
    const category = [...ctx.state.categories.values()].find((c) => c.slug === seed.category);
    if (!category) throw new Error(`[sandbox] seed topic names unknown category ${seed.category}`);
    const topic = insertTopic(ctx, user(seed.author), { title: seed.title, categoryId: category.id, archetype: "regular" }, at(seed.daysAgo));
    insertPost(ctx, user(seed.author), topic, seed.raw, at(seed.daysAgo));
    for (const reply of seed.replies) insertPost(ctx, user(reply.author), topic, reply.raw, at(seed.daysAgo, reply.hoursLater));
  }
}
