import type { ApiRequest } from "../create-requester.ts";
import type { IdempotencyStore } from "../idempotency.ts";

/** A request function already bound to one bot account and one budget lane. */
export type BoundCall = <T>(request: ApiRequest) => Promise<T>;

/** What every resource group is built from. */
export interface ResourceDeps {
  call: BoundCall;
  idempotency?: IdempotencyStore;
}

/** Per-call options every method takes last. */
export interface CallOptions {
  /** Cancels the call (and its wait for the budget); combined with the client's timeout. */
  signal?: AbortSignal;
}
