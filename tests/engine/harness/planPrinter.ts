/**
 * Prints an operation's steps the way a Pulumi user reads them: one line per resource with its plan, then the
 * per-field changes (`pulumi preview --diff` style), check failures and provider errors, then the summary.
 * Plain text, no colour: it goes to logs and CI output as well as terminals.
 */
import { PROVIDER_KEY, UNKNOWN, type FieldChange } from "./propertyValues";
import { summarize, type OperationResult, type Step, type StepOp } from "./steps";

const HEADINGS: Record<OperationResult["kind"], string> = {
  preview: "Previewing update",
  up: "Updating",
  refresh: "Refreshing",
  destroy: "Destroying",
};
const SYMBOLS: Record<StepOp, string> = { same: " ", create: "+", update: "~", replace: "+-", delete: "-" };
const PLANNED: Record<StepOp, string> = { same: "", create: "create", update: "update", replace: "replace", delete: "delete" };
const DONE: Record<StepOp, string> = { same: "", create: "created", update: "updated", replace: "replaced", delete: "deleted" };
const REFRESHED: Record<StepOp, string> = { same: "", create: "", update: "drift: changed out of band", replace: "", delete: "gone: deleted out of band" };

export function printOperation(result: OperationResult, stack: string): string {
  const lines = [`${HEADINGS[result.kind]} (${stack})`, ""];
  const width = Math.max(4, ...result.steps.map((s) => s.name.length));
  const typeWidth = Math.max(4, ...result.steps.map((s) => s.type.length));
  lines.push(`      ${"Name".padEnd(width)}  ${"Type".padEnd(typeWidth)}  ${result.kind === "preview" ? "Plan" : "Status"}`);
  for (const step of result.steps) {
    lines.push(`  ${SYMBOLS[step.op].padEnd(3)} ${step.name.padEnd(width)}  ${step.type.padEnd(typeWidth)}  ${label(result.kind, step)}`.trimEnd());
  }
  const details = result.steps.flatMap((step) => detail(result.kind, step));
  if (details.length > 0) lines.push("", ...details);
  if (result.error) lines.push("", `error: ${result.error}`);
  lines.push("", "Resources:", ...summary(result));
  return lines.join("\n");
}

function label(kind: OperationResult["kind"], step: Step): string {
  if (step.failures.length > 0) return `${PLANNED[step.op]} (check failed)`;
  if (step.error) return `${PLANNED[step.op] || (kind === "refresh" ? "read" : "step")} failed`;
  const words = kind === "preview" ? PLANNED : kind === "refresh" ? REFRESHED : DONE;
  const replaced = step.op === "replace" && step.deleteBeforeReplace ? " (delete before replace)" : "";
  const fields = step.op === "update" || step.op === "replace" ? `  [diff: ${topLevel(step.changes).join(", ")}]` : "";
  return words[step.op] + replaced + fields;
}

function detail(kind: OperationResult["kind"], step: Step): string[] {
  const out: string[] = [];
  if (step.failures.length > 0) {
    out.push(`  error: ${step.name}: check failed:`);
    for (const f of step.failures) out.push(`      ${f.reason.startsWith(`${f.property}:`) ? f.reason : `${f.property}: ${f.reason}`}`);
    return out;
  }
  if (step.error) out.push(`  error: ${step.name}: ${step.error}`);
  const shown = step.op === "same" ? [] : step.changes;
  if (shown.length === 0) return out;
  out.push(`  ${SYMBOLS[step.op]} ${step.name}${kind === "refresh" ? " (what changed outside Pulumi)" : ""}`);
  for (const change of shown) out.push(`      ${line(change, step)}`);
  return out;
}

function line(change: FieldChange, step: Step): string {
  const forced = step.replaces.some((p) => change.path === p || change.path.startsWith(`${p}.`)) ? "  [forces replacement]" : "";
  if (change.kind === "add") return `+ ${change.path}: ${show(change.after)}${forced}`;
  if (change.kind === "delete") return `- ${change.path}: ${show(change.before)}${forced}`;
  return `~ ${change.path}: ${show(change.before)} => ${show(change.after)}${forced}`;
}

function show(value: unknown): string {
  if (value === UNKNOWN) return "output<unknown>";
  return JSON.stringify(value, (key, v) => (key === PROVIDER_KEY ? undefined : v)) ?? "undefined";
}

function topLevel(changes: FieldChange[]): string[] {
  return [...new Set(changes.map((c) => `~${c.path.split(".")[0]}`))];
}

function summary(result: OperationResult): string[] {
  const counts = summarize(result.steps.filter((s) => s.failures.length === 0 && !s.error));
  const verb = (op: StepOp) => (result.kind === "preview" ? `to ${PLANNED[op]}` : DONE[op]);
  const rows = (["create", "update", "replace", "delete"] as const)
    .filter((op) => counts[op])
    .map((op) => `    ${SYMBOLS[op]} ${counts[op]} ${result.kind === "refresh" ? REFRESHED[op].split(": ")[1] : verb(op)}`);
  if (counts.same) rows.push(`    ${counts.same} unchanged`);
  const failed = result.steps.filter((s) => s.failures.length > 0 || s.error).length;
  if (failed) rows.push(`    ${failed} failed`);
  return rows.length > 0 ? rows : ["    no resources"];
}
