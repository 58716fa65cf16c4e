/** The budgeted Discourse client as bots see it: bound to one account and one lane. */
export type { BoundClient as ForumClient } from "../discourse/index.ts";
