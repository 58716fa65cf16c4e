import type { SandboxContext } from "../context.ts";
import { canSeeCategory, isMember, isPublicCategory } from "../guardian.ts";
import { findGroupByName } from "../state.ts";
import { type CategoryRecord, PERMISSION, type UserRecord } from "../types.ts";

const DAY = 86_400_000;

/** The best permission `viewer` has on a category (1 full, 2 create_post, 3 readonly). */
function permissionOf(ctx: SandboxContext, category: CategoryRecord, viewer: UserRecord): number | null {
  if (viewer.admin) return PERMISSION.full;
  let best: number | null = null;
  for (const [groupName, permission] of Object.entries(category.permissions)) {
    const group = findGroupByName(ctx.state, groupName);
    if (groupName === "everyone" || (group && isMember(ctx, group, viewer))) best = best === null ? permission : Math.min(best, permission);
  }
  return best;
}

/** `CategorySerializer` (list item of `GET /categories.json`) as `viewer` sees it. */
export function serializeCategory(ctx: SandboxContext, category: CategoryRecord, viewer: UserRecord): Record<string, unknown> {
  const topics = [...ctx.state.topics.values()].filter((t) => t.categoryId === category.id && t.deletedAt === null);
  const posts = [...ctx.state.posts.values()].filter((p) => p.deletedAt === null && topics.some((t) => t.id === p.topicId));
  const now = ctx.now().getTime();
  const since = (days: number) => topics.filter((t) => now - Date.parse(t.createdAt) < days * DAY).length;
  return {
    id: category.id,
    name: category.name,
    color: category.color,
    text_color: category.textColor,
    style_type: "square",
    emoji: null,
    icon: null,
    slug: category.slug,
    topic_count: topics.length,
    post_count: posts.length,
    position: category.position,
    description: category.description,
    description_text: category.description,
    description_excerpt: category.description,
    topic_url: null,
    read_restricted: !isPublicCategory(category),
    permission: permissionOf(ctx, category, viewer),
    notification_level: 1,
    can_edit: viewer.admin,
    topic_template: null,
    topic_title_placeholder: null,
    has_children: false,
    subcategory_count: null,
    sort_order: null,
    sort_ascending: null,
    show_subcategory_list: false,
    num_featured_topics: 3,
    default_view: null,
    subcategory_list_style: "rows_with_featured_topics",
    default_top_period: "all",
    default_list_filter: "all",
    minimum_required_tags: 0,
    navigate_to_first_post_after_read: false,
    topics_day: since(1),
    topics_week: since(7),
    topics_month: since(30),
    topics_year: since(365),
    topics_all_time: topics.length,
    is_uncategorized: category.id === 1,
    subcategory_ids: [],
    uploaded_logo: null,
    uploaded_logo_dark: null,
    uploaded_background: null,
    uploaded_background_dark: null,
  };
}

/** `CategorySerializer` with the detail `GET /c/:id/show.json` adds (group permissions, approval settings). */
export function serializeCategoryShow(ctx: SandboxContext, category: CategoryRecord, viewer: UserRecord): Record<string, unknown> {
  const base = serializeCategory(ctx, category, viewer);
  for (const key of ["topics_day", "topics_week", "topics_month", "topics_year", "topics_all_time", "is_uncategorized", "subcategory_ids"]) delete base[key];
  return {
    ...base,
    custom_fields: {},
    required_tag_groups: [],
    category_setting: { require_topic_approval: category.requireTopicApproval, require_reply_approval: category.requireReplyApproval },
    read_only_banner: null,
    available_groups: [...ctx.state.groups.values()].map((g) => g.name).filter((n) => !(n in category.permissions)),
    auto_close_hours: null,
    auto_close_based_on_last_post: false,
    allow_unlimited_owner_edits_on_first_post: false,
    default_slow_mode_seconds: null,
    group_permissions: Object.entries(category.permissions).map(([groupName, permission]) => ({
      permission_type: permission,
      group_name: groupName,
      group_id: findGroupByName(ctx.state, groupName)?.id ?? 0,
    })),
    email_in: null,
    email_in_allow_strangers: false,
    mailinglist_mirror: false,
    all_topics_wiki: false,
    can_delete: viewer.admin,
    allow_badges: true,
    topic_featured_link_allowed: true,
    search_priority: 0,
    topic_posting_review_group_ids: [],
    reply_posting_review_group_ids: [],
  };
}

/** Categories `viewer` may read, in position order. */
export function visibleCategories(ctx: SandboxContext, viewer: UserRecord): CategoryRecord[] {
  return [...ctx.state.categories.values()].filter((c) => canSeeCategory(ctx, c, viewer)).sort((a, b) => a.position - b.position);
}
