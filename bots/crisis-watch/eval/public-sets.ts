/**
 * Readers and metrics for the public sets in `../shared/crisis-data/public/` (read at run time, never
 * copied into the project): SDCNL (r/SuicideWatch vs r/depression posts) and the Reddit C-SSRS set
 * (users labelled Supportive … Attempt).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { isFlagged } from "../assess/index.ts";
import type { Classifier } from "./baselines.ts";
import { parseCsvObjects } from "./parse-csv.ts";
import { parsePythonList } from "./parse-python-list.ts";

/** One SDCNL post: `suicide` = posted in r/SuicideWatch. */
export interface SdcnlPost {
  text: string;
  suicide: boolean;
}

/** Reads the SDCNL training and testing files (title + selftext; the `*_clean` columns are not used). */
export function readSdcnl(publicDir: string): SdcnlPost[] {
  const posts: SdcnlPost[] = [];
  for (const file of ["training-set.csv", "testing-set.csv"]) {
    for (const row of parseCsvObjects(readFileSync(join(publicDir, "sdcnl-reddit", file), "utf8"))) {
      posts.push({ text: `${row.title ?? ""}\n${row.selftext ?? ""}`, suicide: row.is_suicide === "1" });
    }
  }
  return posts;
}

/** SDCNL results: share of r/SuicideWatch posts flagged, precision and flags per 1,000 posts. */
export interface SdcnlMetrics {
  caught: number;
  precision: number;
  flagRate: number;
  posts: number;
}

/** Scores a classifier on SDCNL; a post is flagged at `review` or `urgent`. */
export function sdcnlMetrics(posts: readonly SdcnlPost[], classify: Classifier): SdcnlMetrics {
  let tp = 0;
  let fp = 0;
  let positives = 0;
  for (const post of posts) {
    const flagged = isFlagged(classify(post.text).level);
    if (post.suicide) positives++;
    if (flagged && post.suicide) tp++;
    if (flagged && !post.suicide) fp++;
  }
  return { caught: tp / positives, precision: tp / Math.max(1, tp + fp), flagRate: (tp + fp) / posts.length, posts: posts.length };
}

/** One C-SSRS user with their posts. */
export interface CssrsUser {
  user: string;
  label: string;
  posts: string[];
}

/** Reads the C-SSRS file, splitting each user's `Post` cell into posts. */
export function readCssrs(publicDir: string): CssrsUser[] {
  const text = readFileSync(join(publicDir, "cssrs-reddit-500", "500_Reddit_users_posts_labels.csv"), "utf8");
  return parseCsvObjects(text).map((row) => ({ user: row.User ?? "", label: row.Label ?? "", posts: parsePythonList(row.Post ?? "") }));
}

/** Share of users of each label with at least one post flagged (`review` or `urgent`). */
export function cssrsFlaggedShare(users: readonly CssrsUser[], classify: Classifier): Record<string, number> {
  const totals = new Map<string, { users: number; flagged: number }>();
  for (const user of users) {
    const t = totals.get(user.label) ?? { users: 0, flagged: 0 };
    t.users++;
    if (user.posts.some((p) => isFlagged(classify(p).level))) t.flagged++;
    totals.set(user.label, t);
  }
  return Object.fromEntries([...totals].map(([label, t]) => [label, t.flagged / t.users]));
}
