import type { Config } from "../../config/index.ts";
import { peerGroupsSection, type PeerGroupsSettings } from "../../config/sections/peer-groups.ts";
import type { Catalogue } from "./catalogue/catalogue-schema.ts";
import { loadCatalogue } from "./catalogue/load-catalogue.ts";
import { loadMessages, type Messages } from "./conversation/messages.ts";
import { type CompiledCatalogue, compileCatalogue } from "./match/compile-catalogue.ts";
import { onboardingProfileSource, type ProfileSource } from "./profile/profile-source.ts";

/** What every peer-groups handler works from, built once per config. */
export interface PeerGroupsDeps {
  readonly settings: PeerGroupsSettings;
  readonly catalogue: Catalogue;
  readonly messages: Messages;
  readonly profiles: ProfileSource;
  /** The catalogue compiled for `at` (kept per UTC day: meeting times move with daylight saving). */
  compiled(at: Date): CompiledCatalogue;
}

export interface DepsOptions {
  profiles?: ProfileSource;
  /** A catalogue object instead of the configured file (tests). */
  catalogue?: Catalogue;
}

const byConfig = new WeakMap<object, PeerGroupsDeps>();

/** The deps for a config (cached per config object; `options` only count on first use). */
export function peerGroupsDeps(config: Config, options: DepsOptions = {}): PeerGroupsDeps {
  const cached = byConfig.get(config);
  if (cached) return cached;
  // The schema's default for a missing section carries only `enabled`: fill the rest the same way.
  const settings = peerGroupsSection.parse(config.peerGroups ?? {});
  const catalogue = options.catalogue ?? loadCatalogue(settings.catalogueFile);
  const messages = loadMessages(settings.messagesFile);
  let day = "";
  let compiled: CompiledCatalogue | undefined;
  const deps: PeerGroupsDeps = {
    settings,
    catalogue,
    messages,
    profiles: options.profiles ?? onboardingProfileSource(),
    compiled(at) {
      const key = at.toISOString().slice(0, 10);
      if (!compiled || key !== day) {
        compiled = compileCatalogue(catalogue, at, settings.awakeHours);
        day = key;
      }
      return compiled;
    },
  };
  byConfig.set(config, deps);
  return deps;
}
