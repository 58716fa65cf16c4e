/**
 * Type tests (checked by `tsc` in `npm test`): `app.on` narrows the payload to the event's own
 * shape, unknown event names do not compile, and contexts carry what handlers need.
 */
import { expectTypeOf } from "vitest";
import { defineBot } from "../../plugins/app/define-bot.ts";
import type { EventContext } from "../../plugins/app/types.ts";
import type { WebhookPost, WebhookReviewable, WebhookUser } from "../../plugins/webhooks/payloads.ts";

defineBot({
  name: "type-test",
  lane: "onboarding",
  account: "greeter",
  setup(app) {
    app.on("post_created", (ctx) => {
      expectTypeOf(ctx.payload.post).toEqualTypeOf<WebhookPost>();
      expectTypeOf(ctx.name).toEqualTypeOf<"post_created">();
    });
    app.on("user_created", (ctx) => {
      expectTypeOf(ctx.payload.user).toEqualTypeOf<WebhookUser>();
      // @ts-expect-error a user event has no post
      void ctx.payload.post;
    });
    app.on(["reviewable_created", "reviewable_updated"], (ctx) => {
      expectTypeOf(ctx.payload.reviewable).toEqualTypeOf<WebhookReviewable>();
      expectTypeOf(ctx.deliveredAs).toBeString();
    });
    // @ts-expect-error not a Discourse webhook event
    app.on("post_exploded", () => {});
    app.task<{ userId: number }>("remind", (ctx) => {
      expectTypeOf(ctx.data.userId).toBeNumber();
      expectTypeOf(ctx.clock.now()).toEqualTypeOf<Date>();
    });
  },
});

expectTypeOf<EventContext<"post_liked">["payload"]["like"]["user"]["username"]>().toBeString();
