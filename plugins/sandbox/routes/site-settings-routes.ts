import { type Response, Router } from "express";
import { currentUser } from "../auth.ts";
import type { SandboxContext } from "../context.ts";
import { invalidAccess, notFound, SandboxHttpError } from "../errors.ts";
import { coerceSetting } from "../site-settings.ts";
import type { SiteSettingRecord } from "../types.ts";

/** One entry of `GET /admin/site_settings.json`. */
function serialize(record: SiteSettingRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {
    setting: record.setting,
    description: record.description,
    keywords: [],
    default: String(record.default),
    value: String(record.value),
    category: record.category,
    preview: null,
    secret: false,
    placeholder: null,
    mandatory_values: null,
    requires_confirmation: null,
    type: record.type,
  };
  if (record.choices) out.valid_values = record.choices.map((c) => ({ name: c, value: c }));
  return out;
}

/** Admin site settings: list (optionally `filter_names[]`) and update one. Admins only. */
export function siteSettingsRoutes(ctx: SandboxContext): Router {
  const router = Router();
  const admin = (res: Response) => {
    if (!currentUser(res).admin) throw invalidAccess();
  };

  router.get("/admin/site_settings.json", (req, res) => {
    admin(res);
    // Express 5 parses queries simply, so `filter_names[]=a` arrives under the bracketed key.
    const raw = req.query.filter_names ?? req.query["filter_names[]"];
    const names = Array.isArray(raw) ? raw.map(String) : typeof raw === "string" ? [raw] : null;
    const records = [...ctx.state.siteSettings.values()].filter((r) => names === null || names.includes(r.setting));
    res.json({ site_settings: records.map(serialize), diags: { last_message_processed: null } });
  });

  // Discourse takes the value under the setting's own name and answers 200 with an empty body.
  router.put("/admin/site_settings/:name{.json}", (req, res) => {
    admin(res);
    const name = String(req.params.name);
    const record = ctx.state.siteSettings.get(name);
    if (!record) throw notFound();
    const body = req.body ?? {};
    if (!(name in body)) throw new SandboxHttpError(400, { errors: [`param is missing or the value is empty: ${name}`], error_type: "invalid_parameters" });
    const value = coerceSetting(record, body[name]);
    if (value === undefined) throw new SandboxHttpError(422, { errors: [`Invalid value for ${name}.`] });
    record.value = value;
    res.status(200).end();
  });

  return router;
}
