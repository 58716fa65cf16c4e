import type { UserRecord } from "../types.ts";

const LETTER_COLOURS = ["8c91f0", "e47774", "5e99b9", "9de0ad", "f0a95d", "b48edc"];

/** Discourse's letter-avatar template for a user without an uploaded avatar. */
export function avatarTemplate(user: UserRecord): string {
  const letter = user.username.charAt(0).toLowerCase();
  const colour = LETTER_COLOURS[Math.abs(user.id) % LETTER_COLOURS.length];
  return `/letter_avatar_proxy/v4/letter/${letter}/${colour}/{size}.png`;
}

/** `BasicUserSerializer`: id, username, name, avatar_template. */
export function basicUser(user: UserRecord): { id: number; username: string; name: string | null; avatar_template: string } {
  return { id: user.id, username: user.username, name: user.name, avatar_template: avatarTemplate(user) };
}
