import { readFileSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { type IntakeQuestion, questionsFileSchema } from "./question-schema.ts";
import { TEMPLATE_NAMES, TEMPLATE_PLACEHOLDERS, type TemplateName } from "./template-names.ts";

/** Relative paths in the onboarding settings are read from Kindred's `config/` folder. */
const CONFIG_DIR = fileURLToPath(new URL("..", import.meta.url));

export interface OnboardingContent {
  readonly questions: readonly IntakeQuestion[];
  readonly templates: Readonly<Record<TemplateName, string>>;
}

/**
 * Reads the questions file and the markdown templates the onboarding settings point at, and checks
 * them: every template exists and uses only the placeholders it may. Throws an Error whose message
 * names the file and the problem (the config loader turns it into one line).
 */
export function loadOnboardingContent(options: {
  questionsFile: string;
  templatesDir: string;
  templates: Partial<Record<string, string>>;
}): OnboardingContent {
  const questionsPath = resolvePath(options.questionsFile);
  const parsed = questionsFileSchema.safeParse(parse(readText(questionsPath)) ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${questionsPath}: ${issue.path.join(".")} ${issue.message}`.replace(/: {2}/, ": "));
  }
  const templates = {} as Record<TemplateName, string>;
  for (const name of TEMPLATE_NAMES) {
    const inline = options.templates[name];
    const path = join(resolvePath(options.templatesDir), `${name}.md`);
    const text = inline ?? readText(path);
    const allowed = new Set<string>(TEMPLATE_PLACEHOLDERS[name]);
    for (const [, placeholder] of text.matchAll(/\{\{\s*([a-zA-Z]+)\s*\}\}/g)) {
      if (!allowed.has(placeholder)) {
        throw new Error(`template ${name} (${inline ? "inline" : path}) uses {{${placeholder}}}; it may use: ${[...allowed].join(", ") || "none"}`);
      }
    }
    templates[name] = text.trim();
  }
  for (const name of Object.keys(options.templates)) {
    if (!(TEMPLATE_NAMES as string[]).includes(name)) throw new Error(`templates.${name} is not a template the onboarding bot sends`);
  }
  return { questions: parsed.data.questions, templates };
}

function resolvePath(path: string): string {
  return isAbsolute(path) ? path : join(CONFIG_DIR, path);
}

function readText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new Error(`cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? "unreadable"})`);
  }
}
