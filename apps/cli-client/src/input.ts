/** Input from the person at the terminal (prompts) or from a script (stdin). */
import { cancel, isCancel, password, text } from '@clack/prompts';
import { CliError } from './errors.ts';

export async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new CliError('expected input on stdin, but stdin is a terminal');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** As `docker login --password-stdin`: the whole of stdin, without its final newline. */
export async function readPasswordFromStdin(): Promise<string> {
  return (await readStdin()).replace(/\r?\n$/, '');
}

function canPrompt(): boolean {
  return Boolean(process.stdin.isTTY);
}

function answered(value: string | symbol): string {
  if (isCancel(value) || typeof value !== 'string') {
    cancel('Cancelled.');
    throw new CliError('cancelled');
  }
  return value;
}

/**
 * The flag's value, or a prompt for it; without a terminal a missing flag is an error. `check`
 * refuses a non-empty answer at the prompt with its reason (a flag's value is the server's to judge).
 */
export async function ask(
  value: string | undefined,
  flag: string,
  message: string,
  options: { optional?: boolean; check?: (answer: string) => string | undefined } = {},
): Promise<string> {
  if (value !== undefined) return value;
  if (!canPrompt()) {
    if (options.optional) return '';
    throw new CliError(`${flag} is required when stdin is not a terminal`);
  }
  return answered(
    await text({
      message,
      validate: (v = '') => (v.trim() ? options.check?.(v) : options.optional ? undefined : 'Required'),
    }),
  );
}

/** A hidden password prompt; with `confirm`, asked twice until both match. */
export async function askPassword(confirm: boolean): Promise<string> {
  if (!canPrompt()) throw new CliError('--password-stdin is required when stdin is not a terminal');
  for (;;) {
    const first = answered(await password({ message: 'Password', validate: (v) => (v ? undefined : 'Required') }));
    if (!confirm) return first;
    const second = answered(await password({ message: 'Confirm password' }));
    if (first === second) return first;
    process.stderr.write('The passwords do not match; try again.\n');
  }
}
