import { type Response, Router } from "express";
import { currentUser } from "../auth.ts";
import type { SandboxContext } from "../context.ts";
import { invalidAccess, notFound, unprocessable } from "../errors.ts";
import { nextId } from "../state.ts";
import type { WebHookEventRecord, WebHookRecord } from "../types.ts";
import { WEB_HOOK_EVENT_TYPES } from "../web-hook-event-types.ts";
import { idParam, intQuery, str } from "./param.ts";

const PAGE = 50;

/** `AdminWebHookSerializer`. */
function serializeWebHook(hook: WebHookRecord): Record<string, unknown> {
  return {
    id: hook.id,
    payload_url: hook.payloadUrl,
    content_type: hook.contentType,
    last_delivery_status: hook.lastDeliveryStatus,
    secret: hook.secret,
    wildcard_web_hook: hook.wildcard,
    verify_certificate: hook.verifyCertificate,
    active: hook.active,
    web_hook_event_types: WEB_HOOK_EVENT_TYPES.filter((t) => hook.eventTypeNames.has(t.name)),
    category_ids: hook.categoryIds,
    tag_names: [],
    group_ids: hook.groupIds,
  };
}

/** `AdminWebHookEventSerializer`. */
function serializeEvent(ctx: SandboxContext, event: WebHookEventRecord): Record<string, unknown> {
  return {
    id: event.id,
    web_hook_id: event.webHookId,
    request_url: ctx.state.webHooks.get(event.webHookId)?.payloadUrl ?? null,
    headers: event.headers,
    payload: event.payload,
    status: event.status,
    response_headers: event.responseHeaders,
    response_body: event.responseBody,
    duration: event.duration,
    created_at: event.createdAt,
  };
}

function bool(value: unknown, fallback: boolean): boolean {
  if (value === undefined || value === null || value === "") return fallback;
  return value === true || value === "true";
}

/** Applies `web_hook[...]` params (web_hooks_controller.rb `web_hook_params`), validating like WebHook. */
function applyParams(hook: WebHookRecord, params: Record<string, unknown>): void {
  if (params.payload_url !== undefined) hook.payloadUrl = str(params.payload_url);
  if (params.secret !== undefined) hook.secret = str(params.secret);
  if (params.content_type !== undefined) hook.contentType = Number(params.content_type) === 2 ? 2 : 1;
  hook.wildcard = bool(params.wildcard_web_hook, hook.wildcard);
  hook.active = bool(params.active, hook.active);
  hook.verifyCertificate = bool(params.verify_certificate, hook.verifyCertificate);
  if (Array.isArray(params.web_hook_event_type_ids)) {
    const ids = params.web_hook_event_type_ids.map(Number);
    hook.eventTypeNames = new Set(WEB_HOOK_EVENT_TYPES.filter((t) => ids.includes(t.id)).map((t) => t.name));
  }
  if (Array.isArray(params.category_ids)) hook.categoryIds = params.category_ids.map(Number).filter(Number.isInteger);
  if (Array.isArray(params.group_ids)) hook.groupIds = params.group_ids.map(Number).filter(Number.isInteger);
  const errors: string[] = [];
  try {
    const url = new URL(hook.payloadUrl);
    if (url.protocol !== "http:" && url.protocol !== "https:") errors.push("Payload URL is invalid");
  } catch {
    errors.push("Payload URL is invalid");
  }
  if (hook.secret.length > 0 && hook.secret.length < 12) errors.push("Secret is too short (minimum is 12 characters)");
  if (!hook.wildcard && hook.eventTypeNames.size === 0) errors.push("Web hook event types can't be blank");
  if (errors.length > 0) throw unprocessable(errors);
}

/** The admin webhook API: list, create, update, delete, ping, the event log, and redelivery. Admins only. */
export function adminWebHooksRoutes(ctx: SandboxContext): Router {
  const router = Router();
  const admin = (res: Response) => {
    if (!currentUser(res).admin) throw invalidAccess();
  };
  const hookOf = (id: unknown) => {
    const hook = ctx.state.webHooks.get(idParam(id));
    if (!hook) throw notFound();
    return hook;
  };

  router.get("/admin/api/web_hooks.json", (req, res) => {
    admin(res);
    const offset = intQuery(req.query.offset, 0);
    const hooks = [...ctx.state.webHooks.values()];
    res.json({
      web_hooks: hooks.slice(offset, offset + PAGE).map(serializeWebHook),
      extras: {
        event_types: WEB_HOOK_EVENT_TYPES,
        default_event_types: WEB_HOOK_EVENT_TYPES.filter((t) => t.name === "post_created"),
        content_types: [{ id: 1, name: "application/json" }, { id: 2, name: "application/x-www-form-urlencoded" }],
        delivery_statuses: [{ id: 1, name: "inactive" }, { id: 2, name: "failed" }, { id: 3, name: "successful" }, { id: 4, name: "disabled" }],
      },
      total_rows_web_hooks: hooks.length,
      load_more_web_hooks: `/admin/api/web_hooks.json?limit=${PAGE}&offset=${offset + PAGE}`,
    });
  });

  router.post("/admin/api/web_hooks.json", (req, res) => {
    admin(res);
    const params = (req.body?.web_hook ?? {}) as Record<string, unknown>;
    const hook: WebHookRecord = {
      id: 0,
      payloadUrl: "",
      secret: "",
      contentType: 1,
      wildcard: false,
      active: false,
      verifyCertificate: true,
      eventTypeNames: new Set(),
      categoryIds: [],
      groupIds: [],
      lastDeliveryStatus: 1,
      createdAt: ctx.now().toISOString(),
    };
    applyParams(hook, params);
    hook.id = nextId(ctx.state, "web_hooks");
    ctx.state.webHooks.set(hook.id, hook);
    res.json({ web_hook: serializeWebHook(hook) });
  });

  router.get("/admin/api/web_hooks/:id.json", (req, res) => {
    admin(res);
    res.json({ web_hook: serializeWebHook(hookOf(req.params.id)) });
  });

  router.put("/admin/api/web_hooks/:id.json", (req, res) => {
    admin(res);
    const hook = hookOf(req.params.id);
    const backup = { ...hook, eventTypeNames: new Set(hook.eventTypeNames) };
    try {
      applyParams(hook, (req.body?.web_hook ?? {}) as Record<string, unknown>);
    } catch (error) {
      Object.assign(hook, backup);
      throw error;
    }
    res.json({ web_hook: serializeWebHook(hook) });
  });

  router.delete("/admin/api/web_hooks/:id.json", (req, res) => {
    admin(res);
    const hook = hookOf(req.params.id);
    ctx.state.webHooks.delete(hook.id);
    for (const event of [...ctx.state.webHookEvents.values()]) if (event.webHookId === hook.id) ctx.state.webHookEvents.delete(event.id);
    res.json({ success: "OK" });
  });

  router.post("/admin/api/web_hooks/:id/ping{.json}", (req, res) => {
    admin(res);
    ctx.webhooks.ping(hookOf(req.params.id).id);
    res.json({ success: "OK" });
  });

  router.get("/admin/api/web_hook_events/:id.json", (req, res) => {
    admin(res);
    const hook = hookOf(req.params.id);
    const status = str(req.query.status);
    const offset = intQuery(req.query.offset, 0);
    const limit = Math.min(intQuery(req.query.limit, PAGE), PAGE);
    const ok = (e: WebHookEventRecord) => e.status >= 200 && e.status < 300;
    // Newest first, as the admin event log shows them.
    const events = [...ctx.state.webHookEvents.values()]
      .filter((e) => e.webHookId === hook.id && e.status !== 0)
      .filter((e) => (status === "failed" ? !ok(e) : status === "successful" ? ok(e) : true))
      .sort((a, b) => b.id - a.id);
    res.json({
      web_hook_events: events.slice(offset, offset + limit).map((e) => serializeEvent(ctx, e)),
      total_rows_web_hook_events: events.length,
      load_more_web_hook_events: `/admin/api/web_hook_events/${hook.id}.json?limit=${limit}&offset=${offset + limit}${status ? `&status=${status}` : ""}`,
      extras: { web_hook_id: hook.id },
    });
  });

  router.post("/admin/api/web_hooks/:id/events/failed_redeliver{.json}", (req, res) => {
    admin(res);
    res.json({ event_ids: ctx.webhooks.redeliverFailed(hookOf(req.params.id).id) });
  });

  router.post("/admin/api/web_hooks/:id/events/:event_id/redeliver{.json}", async (req, res) => {
    admin(res);
    const hook = hookOf(req.params.id);
    const event = ctx.state.webHookEvents.get(idParam(req.params.event_id));
    if (!event || event.webHookId !== hook.id) throw notFound();
    await ctx.webhooks.redeliver(event.id);
    res.json({ web_hook_event: serializeEvent(ctx, event) });
  });

  return router;
}
