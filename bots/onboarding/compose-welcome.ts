import type { OnboardingSettings } from "../../config/sections/onboarding.ts";
import { forumLink, renderTemplate } from "./render-template.ts";

/**
 * The welcome PM's body. `resourceCard` is crisis watch's card (markdown, reused as is); the username
 * is escaped by the template renderer.
 */
export function composeWelcome(settings: OnboardingSettings, options: { username: string; forumUrl: string; resourceCard: string }): string {
  return renderTemplate(settings.templates.welcome, {
    username: options.username,
    forumUrl: options.forumUrl,
    introductionsUrl: forumLink(options.forumUrl, settings.introductionsPath),
    privacyUrl: forumLink(options.forumUrl, settings.privacyUrl),
    resourceCard: options.resourceCard,
  });
}
