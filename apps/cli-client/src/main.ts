#!/usr/bin/env node
import { CliError } from './errors.ts';
import { buildProgram } from './program.ts';

try {
  await buildProgram().parseAsync(process.argv);
} catch (error) {
  if (!(error instanceof CliError)) throw error;
  // One `error:` line per problem (a refused form may have several).
  for (const line of error.message.split('\n')) process.stderr.write(`error: ${line}\n`);
  process.exitCode = 1;
}
