import type { CrisisSettings } from "../../config/sections/crisis.ts";
import { escapeMarkdownInline } from "../../plugins/markdown/escape-markdown.ts";
import { countryFromTimezone } from "./country-from-timezone.ts";

export type CardLane = "suicide_self_harm" | "overdose_medical" | "harm_from_others" | "concern_for_other" | "relapse" | "craving";

export interface ResourceCardOptions {
  /** The member's Discourse time zone: the country is read from it. */
  timezone?: string | null;
  /** An explicit country (ISO code) wins over the time zone. */
  country?: string;
  /** The forum's default country, used when neither names a configured one. */
  defaultCountry?: string;
  /** The lanes of the assessment: the card puts what matters first for them. */
  lanes?: readonly CardLane[];
  username?: string;
  /** Only the help lines and "anywhere else" (the welcome PM and the digest footer use this). */
  compact?: boolean;
}

/**
 * Crisis watch's resource card, the one place its text is assembled (other bots reuse it).
 * Overdose and medical danger put the emergency number and what to do right now first; harm from
 * others puts safety first; the card always says where to look from elsewhere. The title and first
 * line (`card.title`, `card.greeting`) carry no crisis or health words, since Discourse emails PMs.
 */
export function renderResourceCard(settings: CrisisSettings, options: ResourceCardOptions = {}): string {
  const { resources, card } = settings;
  const code = pickCountry(settings, options);
  const country = code ? resources.countries[code] : undefined;
  const lines = country
    ? country.lines.map((line) => `- **${line.name}**: ${line.contact}${line.for ? ` (${line.for})` : ""}`)
    : [];
  const where = country ? `In ${country.name}, emergency services: **${country.emergency}**.` : "";
  // Blank lines keep "elsewhere" out of the list when Discourse renders it.
  const helpBlock = [where, lines.join("\n"), resources.elsewhere].filter(Boolean).join("\n\n");
  if (options.compact) return helpBlock;

  const emergency = country?.emergency ?? "your local emergency number";
  const fill = (text: string) =>
    text.replaceAll("{{emergency}}", emergency).replaceAll("{{username}}", escapeMarkdownInline(options.username ?? "there")).trim();
  const lanes = options.lanes ?? [];
  const parts = [fill(card.greeting)];
  if (lanes.includes("overdose_medical")) parts.push(fill(card.medicalFirst));
  else if (lanes.includes("harm_from_others")) parts.push(fill(card.safetyFirst));
  parts.push(fill(card.body), helpBlock, fill(card.closing));
  return parts.join("\n\n");
}

/** The configured country for a member: explicit, else from the time zone, else the forum default. */
export function pickCountry(settings: CrisisSettings, options: Pick<ResourceCardOptions, "country" | "timezone" | "defaultCountry">): string | undefined {
  const known = (code: string | undefined) => (code && settings.resources.countries[code.toUpperCase()] ? code.toUpperCase() : undefined);
  return known(options.country) ?? known(countryFromTimezone(options.timezone)) ?? known(options.defaultCountry);
}
