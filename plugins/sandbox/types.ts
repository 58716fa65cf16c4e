/**
 * Records the sandbox forum keeps in memory. Field names follow Discourse's database columns
 * (camelCased) so the serializers read like Discourse's own.
 */

/** A forum account. `id` < 0 is reserved for `system`, as in Discourse. */
export interface UserRecord {
  id: number;
  username: string;
  name: string | null;
  email: string;
  active: boolean;
  approved: boolean;
  admin: boolean;
  moderator: boolean;
  trustLevel: number;
  createdAt: string;
  lastPostedAt: string | null;
  lastSeenAt: string | null;
  timezone: string | null;
  locale: string | null;
  /** Keyed by user-field id, as Discourse serializes `user_fields`. */
  userFields: Record<string, string | null>;
  suspendedAt: string | null;
  suspendedTill: string | null;
  suspendReason: string | null;
  silencedTill: string | null;
  staged: boolean;
  title: string | null;
  primaryGroupId: number | null;
  /** DiscourseConnect external id, when the account came from an SSO provider record. */
  externalId: string | null;
  bioRaw: string | null;
}

/** Discourse's group visibility levels (`Group.visibility_levels`). */
export const VISIBILITY = { public: 0, logged_on_users: 1, members: 2, staff: 3, owners: 4 } as const;

/** Discourse's `Group::ALIAS_LEVELS` used for messageable/mentionable levels. */
export const ALIAS_LEVEL = {
  nobody: 0,
  only_admins: 1,
  mods_and_admins: 2,
  members_mods_and_admins: 3,
  owners_mods_and_admins: 4,
  everyone: 99,
} as const;

export interface GroupMembership {
  owner: boolean;
  addedAt: string;
}

export interface MembershipRequest {
  reason: string;
  createdAt: string;
  topicId: number | null;
}

export interface GroupRecord {
  id: number;
  name: string;
  fullName: string | null;
  /** Automatic groups (admins, moderators, staff, trust_level_N, everyone) derive members from users. */
  automatic: boolean;
  visibilityLevel: number;
  membersVisibilityLevel: number;
  messageableLevel: number;
  mentionableLevel: number;
  publicAdmission: boolean;
  publicExit: boolean;
  allowMembershipRequests: boolean;
  membershipRequestTemplate: string | null;
  bioRaw: string | null;
  title: string | null;
  createdAt: string;
  members: Map<number, GroupMembership>;
  requests: Map<number, MembershipRequest>;
}

/** Category permission types (`CategoryGroup.permission_types`). */
export const PERMISSION = { full: 1, create_post: 2, readonly: 3 } as const;

export interface CategoryRecord {
  id: number;
  name: string;
  slug: string;
  color: string;
  textColor: string;
  description: string | null;
  position: number;
  /** group name → permission type; `everyone` makes it public. */
  permissions: Record<string, number>;
  requireTopicApproval: boolean;
  requireReplyApproval: boolean;
  createdAt: string;
}

export interface TopicRecord {
  id: number;
  title: string;
  slug: string;
  categoryId: number | null;
  archetype: "regular" | "private_message";
  userId: number;
  createdAt: string;
  bumpedAt: string;
  lastPostedAt: string | null;
  lastPostUserId: number;
  highestPostNumber: number;
  views: number;
  closed: boolean;
  archived: boolean;
  visible: boolean;
  deletedAt: string | null;
  /** PM participants (users and groups), as Discourse's topic_allowed_users / topic_allowed_groups. */
  allowedUserIds: Set<number>;
  allowedGroupIds: Set<number>;
}

export interface PostRecord {
  id: number;
  topicId: number;
  postNumber: number;
  userId: number;
  raw: string;
  cooked: string;
  createdAt: string;
  updatedAt: string;
  version: number;
  /** 1 regular, 2 moderator_action, 3 small_action, 4 whisper. */
  postType: number;
  replyToPostNumber: number | null;
  hidden: boolean;
  deletedAt: string | null;
  editReason: string | null;
  wiki: boolean;
}

/** Discourse's built-in post action types (`db/fixtures/003_flags.rb`). */
export const POST_ACTION_TYPE = {
  like: 2,
  off_topic: 3,
  inappropriate: 4,
  notify_user: 6,
  notify_moderators: 7,
  spam: 8,
  illegal: 10,
} as const;

export interface PostActionRecord {
  id: number;
  postId: number;
  userId: number;
  postActionTypeId: number;
  message: string | null;
  createdAt: string;
  deletedAt: string | null;
  /** The PM topic a notify_moderators / notify_user flag opened. */
  relatedTopicId: number | null;
}

/** Reviewable statuses (`Reviewable.statuses`). */
export const REVIEWABLE_STATUS = { pending: 0, approved: 1, rejected: 2, ignored: 3, deleted: 4 } as const;

export interface ReviewableScoreRecord {
  id: number;
  userId: number;
  /** The post action type id of the flag (or 9 needs_approval for queued posts). */
  reviewableScoreType: number;
  status: number;
  score: number;
  reason: string | null;
  createdAt: string;
  reviewedById: number | null;
  reviewedAt: string | null;
  metaTopicId: number | null;
  postActionId: number | null;
}

export interface ReviewableHistoryRecord {
  id: number;
  /** 0 created, 1 transitioned, 2 edited, 3 claimed, 4 unclaimed (`ReviewableHistory.types`). */
  reviewableHistoryType: number;
  status: number;
  createdById: number;
  createdAt: string;
}

export type ReviewableType = "ReviewableFlaggedPost" | "ReviewableQueuedPost";

export interface ReviewableRecord {
  id: number;
  type: ReviewableType;
  status: number;
  createdById: number;
  targetType: "Post" | null;
  targetId: number | null;
  targetCreatedById: number | null;
  topicId: number | null;
  categoryId: number | null;
  /** Queued posts keep what the member wrote here until a moderator approves it. */
  payload: Record<string, unknown>;
  score: number;
  version: number;
  createdAt: string;
  updatedAt: string;
  claimedById: number | null;
  scores: ReviewableScoreRecord[];
  histories: ReviewableHistoryRecord[];
}

/** An outgoing webhook as configured under /admin/api/web_hooks. */
export interface WebHookRecord {
  id: number;
  payloadUrl: string;
  secret: string;
  /** 1 application/json, 2 application/x-www-form-urlencoded (same JSON body either way). */
  contentType: number;
  wildcard: boolean;
  active: boolean;
  verifyCertificate: boolean;
  /** Subscription names (web_hook_event_types.name), e.g. `post_created`, `reviewable_updated`. */
  eventTypeNames: Set<string>;
  categoryIds: number[];
  groupIds: number[];
  /** 1 inactive, 2 failed, 3 successful, 4 disabled. */
  lastDeliveryStatus: number;
  createdAt: string;
}

/** One delivery attempt, as Discourse's `web_hook_events` row. */
export interface WebHookEventRecord {
  id: number;
  webHookId: number;
  /** JSON text of the request headers, as Discourse stores them. */
  headers: string;
  payload: string;
  /** HTTP status, -1 for a transport failure, 0 while not yet attempted. */
  status: number;
  responseHeaders: string;
  responseBody: string;
  duration: number;
  createdAt: string;
  /** Not serialized: the event name and how many automatic retries preceded this attempt. */
  eventName: string;
  retryCount: number;
}

/** Value types the site-settings endpoint reports. */
export type SiteSettingValue = string | number | boolean;

export interface SiteSettingRecord {
  setting: string;
  type: "bool" | "integer" | "string" | "enum";
  default: SiteSettingValue;
  value: SiteSettingValue;
  category: string;
  description: string;
  choices?: string[];
}
