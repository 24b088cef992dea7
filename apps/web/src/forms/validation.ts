import type { TextProblem } from "@plenary/protocol";

/** A zod issue, as far as this module reads it. */
interface Issue {
  code: string;
  path: readonly PropertyKey[];
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  /** The protocol's plain-text rule puts what it found here (see `plainText`). */
  params?: { problem?: TextProblem };
}

/** A request schema of `@plenary/protocol` (a zod schema), as far as forms use it. */
export interface RequestSchema<T> {
  safeParse(input: unknown): { success: true; data: T } | { success: false; error: { issues: readonly Issue[] } };
}

/** The request a schema of `@plenary/protocol` accepts, after parsing. */
export type RequestOf<S extends { parse(input: unknown): unknown }> = ReturnType<S["parse"]>;

/** What is wrong with one field, in terms a translated sentence can say. */
export type FieldProblem =
  | { kind: "required" }
  | { kind: "invalid" }
  | { kind: "tooShort"; min: number }
  | { kind: "tooLong"; max: number }
  /** Markup, invisible characters or a line break where plain text is expected. */
  | { kind: "notPlainText"; problem: TextProblem };

/** Problems by field path ("email", "party.name"); at most one per field, the first the schema found. */
export type FieldProblems = Record<string, FieldProblem>;

/** A form's input checked against a request schema: the parsed request, or what to tell the person. */
export type Checked<T> = { ok: true; value: T } | { ok: false; problems: FieldProblems };

/**
 * Checks a form's input with the same zod schema the server applies to the
 * request, so the person hears about a mistake before sending. An empty text
 * field is reported as "required" whatever rule it broke.
 */
export function checkForm<T>(schema: RequestSchema<T>, input: unknown): Checked<T> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const problems: FieldProblems = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join(".");
    if (path in problems) continue;
    problems[path] = isBlank(valueAt(input, issue.path)) ? { kind: "required" } : problemOf(issue);
  }
  return { ok: false, problems };
}

function problemOf(issue: Issue): FieldProblem {
  if (issue.code === "too_small" && issue.origin === "string") {
    const min = Number(issue.minimum);
    return min <= 1 ? { kind: "required" } : { kind: "tooShort", min };
  }
  if (issue.code === "too_big" && issue.origin === "string") return { kind: "tooLong", max: Number(issue.maximum) };
  if (issue.code === "custom" && issue.params?.problem) return { kind: "notPlainText", problem: issue.params.problem };
  return { kind: "invalid" };
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}
