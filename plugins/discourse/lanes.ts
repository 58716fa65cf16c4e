/**
 * Priority lanes of the shared Discourse API budget (issue #2, "The API budget").
 *
 * Discourse allows one bucket of admin-API requests per minute for the whole site, so every call
 * Kindred makes names the kind of work it serves. Crisis work always goes first and may also spend
 * a reserve no other lane can touch; onboarding and peer groups come next; digests fill what is
 * left; maintenance (health checks, catch-up bookkeeping that is not crisis work) comes last.
 */
export type Lane = "crisis" | "onboarding" | "groups" | "digest" | "maintenance";

/** Lower number = served first. Onboarding and groups share a priority on purpose. */
export const LANE_PRIORITY: Readonly<Record<Lane, number>> = Object.freeze({
  crisis: 0,
  onboarding: 1,
  groups: 1,
  digest: 2,
  maintenance: 3,
});

/** Every lane, in priority order (handy for metrics and status pages). */
export const LANES: readonly Lane[] = Object.freeze(["crisis", "onboarding", "groups", "digest", "maintenance"]);
