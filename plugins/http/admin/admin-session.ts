import { createHmac, timingSafeEqual } from "node:crypto";

/** Who is signed in to /admin. */
export interface AdminSession {
  username: string;
  role: "admin" | "moderator";
  /** Epoch ms. */
  expiresAt: number;
}

/**
 * The session cookie: base64url JSON and an HMAC-SHA256 under a key derived from the DiscourseConnect
 * secret (derived, so a session signature can never pass as a DiscourseConnect one or the reverse).
 */
export function createSessionSigner(secret: string) {
  const key = createHmac("sha256", secret).update("kindred admin session v1").digest();
  const mac = (body: string) => createHmac("sha256", key).update(body).digest("base64url");
  return {
    sign(session: AdminSession): string {
      const body = Buffer.from(JSON.stringify(session), "utf8").toString("base64url");
      return `${body}.${mac(body)}`;
    },
    /** The session in a cookie value, if it is ours, intact and not expired. */
    verify(value: string | undefined, now: Date): AdminSession | undefined {
      const [body, sig, extra] = (value ?? "").split(".");
      if (!body || !sig || extra !== undefined) return undefined;
      const expected = Buffer.from(mac(body));
      const given = Buffer.from(sig);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
      try {
        const session = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as AdminSession;
        if (typeof session.username !== "string" || (session.role !== "admin" && session.role !== "moderator")) return undefined;
        return typeof session.expiresAt === "number" && session.expiresAt > now.getTime() ? session : undefined;
      } catch {
        return undefined;
      }
    },
  };
}
