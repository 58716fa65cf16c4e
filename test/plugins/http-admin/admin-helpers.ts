import { randomBytes } from "node:crypto";
import crisisWatch from "../../../bots/crisis-watch/index.ts";
import onboarding from "../../../bots/onboarding/index.ts";
import weeklyDigest from "../../../bots/weekly-digest/index.ts";
import { type Kindred, startKindred } from "../../helpers/start-kindred.ts";

export const URGENT = "I have sixty sleeping pills counted out on my desk and I'm swallowing all of them tonight. Goodbye everyone, thank you for trying.";

/** Kindred with the bots the page reports on and /admin, the sandbox forum as DiscourseConnect provider. */
export async function startAdminKindred(options: { secret?: string | null } = {}): Promise<Kindred & { connectSecret: string }> {
  const connectSecret = options.secret === undefined ? randomBytes(24).toString("hex") : (options.secret ?? "");
  const kindred = await startKindred({
    bots: [crisisWatch, onboarding, weeklyDigest],
    overrides: { enabledBots: ["crisis-watch", "onboarding", "weekly-digest"] },
    env: { DISCOURSE_CONNECT_SECRET: connectSecret || undefined },
    sandbox: { siteSettings: { enable_discourse_connect_provider: true, discourse_connect_provider_secrets: `127.0.0.1|${connectSecret || "unused-secret-123456"}` } },
  });
  return Object.assign(kindred, { connectSecret });
}

/** The `name=value` part of a response's Set-Cookie headers, joined for a Cookie header. */
export function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .filter((c) => !c.endsWith("="))
    .join("; ");
}

/** Walks the sign-in with fetch as `username`, stopping before the answer reaches Kindred. */
export async function startSignIn(kindred: Kindred, username: string): Promise<{ answerUrl: string; nonceCookie: string }> {
  const url = kindred.runtime.url as string;
  const login = await fetch(`${url}/admin/login`, { redirect: "manual" });
  const provider = login.headers.get("location") as string;
  const atForum = await fetch(provider, { redirect: "manual", headers: { Cookie: kindred.forum.sessionCookie(username) } });
  if (atForum.status !== 302) throw new Error(`[test] the forum answered ${atForum.status}: ${await atForum.text()}`);
  return { answerUrl: atForum.headers.get("location") as string, nonceCookie: cookiesOf(login) };
}
