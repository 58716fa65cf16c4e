export { createIdempotencyStore, type IdempotencyStore } from "./create-idempotency-store.ts";
export { createKeyValue, type KeyValue } from "./create-kv.ts";
export { createMembers, type ForgetHook, type MemberRecord, type Members } from "./create-members.ts";
export { createProcessedEvents, type ProcessedEvents } from "./create-processed-events.ts";
export { type CreateStoreOptions, createStore, type Store } from "./create-store.ts";
export type { Database } from "./database.ts";
export { coreMigrations } from "./migrations/index.ts";
