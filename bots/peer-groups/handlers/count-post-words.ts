import type { EventContext } from "../../../plugins/app/types.ts";
import { ownWords } from "../../../plugins/app/own-words.ts";
import type { PeerGroupsDeps } from "../deps.ts";
import { countTerms } from "../match/tokenize.ts";

const PUBLIC_CATEGORIES_KEY = "peer-groups-public-categories";
const DAY_MS = 86_400_000;
/** Enough to rank on; a member's whole history is not needed. */
const MAX_TERMS = 200;

/** Ids of categories everyone can read, from `GET /categories.json` at most once a day. */
async function publicCategories(ctx: EventContext<"post_created">): Promise<Set<number>> {
  const now = ctx.clock.now().getTime();
  const cached = await ctx.kv.get<{ at: number; ids: number[] }>(PUBLIC_CATEGORIES_KEY);
  if (cached && now - cached.at < DAY_MS) return new Set(cached.ids);
  const list = await ctx.discourse.listCategories();
  const categories = (list.category_list?.categories ?? []) as Array<{ id: number; read_restricted?: boolean; subcategory_list?: Array<{ id: number; read_restricted?: boolean }> }>;
  const ids = categories.flatMap((c) => [c, ...(c.subcategory_list ?? [])]).filter((c) => c.read_restricted === false).map((c) => c.id);
  await ctx.kv.set(PUBLIC_CATEGORIES_KEY, { at: now, ids });
  return new Set(ids);
}

/**
 * Counts the catalogue's words in a member's own public posts, so suggestions can follow what they
 * write about. Only counts of catalogue words are kept, never text; PMs and restricted categories
 * are never read; members Kindred does not know are skipped.
 */
export async function countPostWords(ctx: EventContext<"post_created">, deps: PeerGroupsDeps): Promise<void> {
  const post = ctx.payload.post;
  if (!deps.settings.usePostWords || post.topic_archetype !== "regular" || typeof post.category_id !== "number") return;
  const exists = await ctx.db.selectFrom("members").select("user_id").where("user_id", "=", post.user_id).executeTakeFirst();
  if (!exists) return;
  if (!(await publicCategories(ctx)).has(post.category_id)) return;
  const counts = countTerms(ownWords(post.raw ?? ""), deps.compiled(ctx.clock.now()).vocabulary);
  if (counts.size === 0) return;
  const row = await ctx.db.selectFrom("peer_group_interests").select("terms").where("user_id", "=", post.user_id).executeTakeFirst();
  const terms = new Map(Object.entries(row?.terms ?? {}));
  for (const [term, n] of counts) terms.set(term, (terms.get(term) ?? 0) + n);
  const kept = Object.fromEntries([...terms].sort((a, b) => b[1] - a[1]).slice(0, MAX_TERMS));
  await ctx.db
    .insertInto("peer_group_interests")
    .values({ user_id: post.user_id, terms: JSON.stringify(kept), updated_at: ctx.clock.now() })
    .onConflict((oc) => oc.column("user_id").doUpdateSet({ terms: JSON.stringify(kept), updated_at: ctx.clock.now() }))
    .execute();
}
