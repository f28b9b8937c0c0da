/**
 * Every procedure of the router with the fields of its input, read from the zod schemas
 * themselves: a field added to a schema reaches the fuzzer and the text-input table untold.
 */
import { appRouter } from '@miniter/api';
import type { z } from 'zod';

export interface ProcedureInput {
  path: string;
  type: 'query' | 'mutation' | 'subscription';
  /** The input object's fields by name; empty when the input is not an object (or none). */
  fields: Record<string, z.ZodType>;
  /** Needs a session: refused without one (401) before anything is said of its input. */
  signedIn: boolean;
}

type ProcedureDef = { _def: { type: ProcedureInput['type']; inputs: unknown[]; middlewares: unknown[] } };

const definitions = appRouter._def.procedures as unknown as Record<string, ProcedureDef>;

/** The session check: the first step of every procedure built on `protectedProcedure`, `user.me` among them. */
const sessionCheck = definitions['user.me']?._def.middlewares[0];

export const procedures: ProcedureInput[] = Object.entries(definitions).map(([path, { _def }]) => {
  const input = _def.inputs[0] as { shape?: Record<string, z.ZodType> } | undefined;
  return { path, type: _def.type, fields: { ...input?.shape }, signedIn: _def.middlewares[0] === sessionCheck };
});

/** True when a field takes values of `sample`'s type: parsing it fails, if at all, for another reason. */
export function takes(schema: z.ZodType, sample: unknown): boolean {
  const issues = schema.safeParse(sample).error?.issues ?? [];
  return !issues.some((issue) => issue.code === 'invalid_type' && issue.path.length === 0);
}

/** The fields of every procedure that take text, as `[path, field]` pairs. */
export const textFields = procedures.flatMap(({ path, fields }) =>
  Object.entries(fields)
    .filter(([, schema]) => takes(schema, 'x'))
    .map(([field]) => [path, field] as const),
);
