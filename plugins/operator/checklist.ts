/**
 * One line of the checklist `kindred setup` and `kindred doctor` print:
 * `done` (changed just now), `ok` (already right), `todo` (for the admin, by hand), `fail` (broken).
 */
export interface CheckItem {
  status: "done" | "ok" | "todo" | "fail";
  /** What the line is about, e.g. "webhook", "settings", "accounts". */
  area: string;
  /** One sentence, no secrets. */
  line: string;
}

const MARK: Record<CheckItem["status"], string> = { done: "[done]", ok: "[ ok ]", todo: "[TODO]", fail: "[FAIL]" };

/** The checklist as text lines: what is done first, then what the admin must still do. */
export function formatChecklist(items: readonly CheckItem[]): string[] {
  const order: CheckItem["status"][] = ["done", "ok", "fail", "todo"];
  const sorted = [...items].sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status));
  const lines = sorted.map((item) => `${MARK[item.status]} ${item.area}: ${item.line}`);
  const left = items.filter((i) => i.status === "todo" || i.status === "fail").length;
  lines.push(left === 0 ? "Nothing left to do by hand." : `${left} thing(s) left to do by hand (marked TODO / FAIL above).`);
  return lines;
}

/** Asks the admin whether to make a change on the forum; `--yes` answers yes to all. */
export type Confirm = (question: string) => Promise<boolean>;
