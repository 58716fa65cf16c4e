import { REVIEWABLE_STATUS, type ReviewableType } from "./types.ts";

/** What a reviewable action does: the status it transitions to and what it does to the post. */
export interface ReviewableActionDef {
  id: string;
  label: string;
  icon: string;
  to: number;
  /** For flagged posts: hide or delete the post; for queued posts: create it. */
  effect?: "hide" | "delete" | "create_post";
}

interface Bundle {
  id: string;
  label: string;
  icon: string;
  actions: ReviewableActionDef[];
}

/**
 * The bundles and actions Discourse offers moderators, per reviewable type
 * (app/models/reviewable_flagged_post.rb, reviewable_queued_post.rb). `ignore` and
 * `agree` are kept as aliases of the older action ids some clients still send.
 */
export const REVIEWABLE_BUNDLES: Record<ReviewableType, Bundle[]> = {
  ReviewableFlaggedPost: [
    {
      id: "agree",
      label: "Yes",
      icon: "thumbs-up",
      actions: [
        { id: "agree_and_keep", label: "Keep Post", icon: "thumbs-up", to: REVIEWABLE_STATUS.approved },
        { id: "agree_and_hide", label: "Hide Post", icon: "far-eye-slash", to: REVIEWABLE_STATUS.approved, effect: "hide" },
        { id: "delete_and_agree", label: "Delete Post", icon: "trash-can", to: REVIEWABLE_STATUS.approved, effect: "delete" },
      ],
    },
    { id: "disagree", label: "No", icon: "thumbs-down", actions: [{ id: "disagree", label: "No", icon: "thumbs-down", to: REVIEWABLE_STATUS.rejected }] },
    {
      id: "ignore",
      label: "Ignore",
      icon: "up-right-from-square",
      actions: [
        { id: "ignore_and_do_nothing", label: "Do nothing", icon: "up-right-from-square", to: REVIEWABLE_STATUS.ignored },
        { id: "delete_and_ignore", label: "Delete post", icon: "trash-can", to: REVIEWABLE_STATUS.ignored, effect: "delete" },
      ],
    },
  ],
  ReviewableQueuedPost: [
    { id: "approve_post", label: "Approve Post", icon: "check", actions: [{ id: "approve_post", label: "Approve Post", icon: "check", to: REVIEWABLE_STATUS.approved, effect: "create_post" }] },
    {
      id: "reject_post",
      label: "Reject Post",
      icon: "xmark",
      actions: [
        { id: "reject_post", label: "Reject Post", icon: "xmark", to: REVIEWABLE_STATUS.rejected },
        { id: "revise_and_reject_post", label: "Revise and reject", icon: "pen-to-square", to: REVIEWABLE_STATUS.rejected },
      ],
    },
  ],
};

const ALIASES: Record<string, string> = { ignore: "ignore_and_do_nothing", agree: "agree_and_keep", approve: "approve_post", reject: "reject_post" };

/** Finds an action by id (or alias) for a reviewable type. */
export function findReviewableAction(type: ReviewableType, actionId: string): ReviewableActionDef | undefined {
  const id = ALIASES[actionId] ?? actionId;
  for (const bundle of REVIEWABLE_BUNDLES[type]) for (const action of bundle.actions) if (action.id === id) return action;
  return undefined;
}

/** Status names for `status` filters and `transition_to`. */
export const STATUS_NAMES: Record<number, string> = { 0: "pending", 1: "approved", 2: "rejected", 3: "ignored", 4: "deleted" };
