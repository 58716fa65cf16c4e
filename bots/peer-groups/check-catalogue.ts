import type { ForumClient } from "../../plugins/app/forum-client.ts";
import type { Catalogue } from "./catalogue/catalogue-schema.ts";
import { MEMBER_VISIBILITY } from "./catalogue/vocabulary.ts";

export interface CatalogueProblem {
  group: string;
  problem: string;
}

/**
 * `kindred groups check`: each catalogue group exists on the forum, the groups account can add
 * members to it, and its capacity, member-list visibility and joining rule agree with the forum.
 */
export async function checkCatalogue(client: ForumClient, catalogue: Catalogue): Promise<{ checked: number; problems: CatalogueProblem[] }> {
  const problems: CatalogueProblem[] = [];
  for (const g of catalogue.groups) {
    const say = (problem: string) => problems.push({ group: g.name, problem });
    const forum = await client.getGroup(g.name).then(
      (r) => r.group as Record<string, unknown>,
      () => undefined,
    );
    if (!forum) {
      say("does not exist on the forum, or the groups account cannot see it");
      continue;
    }
    if (g.join !== "request" && !(forum.can_edit_group === true || forum.is_group_owner_display === true || forum.can_admin_group === true)) {
      say(`the groups account (${client.username}) cannot add members: make it an owner of the group`);
    }
    const count = Number(forum.user_count ?? 0);
    if (count > g.capacity) say(`has ${count} members, above its capacity of ${g.capacity}`);
    const visibility = MEMBER_VISIBILITY[Number(forum.members_visibility_level)];
    if (visibility && visibility !== g.membersVisibleTo) say(`the forum shows its member list to "${visibility}", the catalogue says "${g.membersVisibleTo}"`);
    if (g.for.audience && (visibility === "everyone" || visibility === "logged_in")) say(`is a restricted space (${g.for.audience}) whose member list everyone signed in can see`);
    if (g.join === "request" && forum.allow_membership_requests !== true) say("joins by request, but the forum does not allow membership requests");
    if (g.join === "public" && forum.public_admission !== true) say("is public to join in the catalogue, but the forum does not allow members to join by themselves");
    if (g.join !== "public" && forum.public_admission === true) say("anyone can join it on the forum, but the catalogue does not say public");
    if (forum.full_name && forum.full_name !== g.title) say(`its forum name "${String(forum.full_name)}" differs from the catalogue title "${g.title}"`);
  }
  return { checked: catalogue.groups.length, problems };
}
