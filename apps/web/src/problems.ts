/**
 * A refusal in the interface's language, beside the field it is about. The server describes each
 * problem as `{ path, code, params }` (`data.issues`); the words are the i18n table's, the field
 * names its labels, never the server's English or its input names.
 */
import { TRPCClientError } from '@miniter/api/client';
import type { Params, Words } from './i18n.tsx';

export interface Issue {
  path: readonly string[];
  code: string;
  params: Params;
}

const has = <T extends object>(table: T, key: string): key is Extract<keyof T, string> => Object.hasOwn(table, key);

/**
 * What a failed call says, as issues; null when the server did not answer (offline, unreachable).
 * A server without `issues` still names its fields (`zodError.fieldErrors`) and the error's kind.
 */
export function issuesOf(error: unknown): Issue[] | null {
  if (!(error instanceof TRPCClientError) || !error.data?.httpStatus) return null;
  const data = error.data as { code?: string; issues?: Issue[]; zodError?: { fieldErrors?: object } | null };
  if (Array.isArray(data.issues) && data.issues.length > 0) return data.issues;
  const code = (data.code ?? 'refused').toLowerCase();
  const fields = Object.keys(data.zodError?.fieldErrors ?? {});
  return fields.length > 0
    ? fields.map((field) => ({ path: [field], code, params: {} }))
    : [{ path: [], code, params: {} }];
}

/** One issue in words, without the field's name (it is shown beside the field). */
export function describe(t: Words, issue: Issue): string {
  const words = has(t.issues, issue.code) ? t.issues[issue.code] : t.issues.refused;
  return words(issue.params, t.characterRules);
}

/** One issue in words, with its field's label when it has a known one (shown apart from the field). */
export function describeApart(t: Words, issue: Issue): string {
  const field = issue.path[0];
  const label = field && has(t.fields, field) ? t.fields[field] : undefined;
  return label ? `${label}: ${describe(t, issue)}` : describe(t, issue);
}

/** A failed call's messages: those of each field a form shows, and the rest. */
export interface Refusal {
  /** The message beside `field`, if any. */
  field: (field: string) => string | undefined;
  /** Messages tied to no field shown: the server's general refusals, or that it cannot be reached. */
  general: string[];
  /** The first shown field with a message: where the focus goes. */
  firstField: string | undefined;
}

export function refusal(t: Words, error: unknown, shownFields: readonly string[] = []): Refusal {
  if (!error) return { field: () => undefined, general: [], firstField: undefined };
  const issues = issuesOf(error);
  if (!issues) return { field: () => undefined, general: [t.unreachable], firstField: undefined };
  const byField = new Map<string, string[]>();
  const general: string[] = [];
  for (const issue of issues) {
    const field = issue.path[0];
    if (field && shownFields.includes(field)) byField.set(field, [...(byField.get(field) ?? []), describe(t, issue)]);
    else general.push(describeApart(t, issue));
  }
  return {
    field: (field) => byField.get(field)?.join(' '),
    general,
    firstField: shownFields.find((field) => byField.has(field)),
  };
}
