/** Results: JSON for machines, a Markdown table for the README, and PASS/FAIL lines on the console. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Timing } from './measure.ts';
import type { ScenarioResult, TargetResult } from './scenarios.ts';

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  database: string;
}

export interface Report {
  date: string;
  dialect: 'mysql' | 'sqlite';
  quick: boolean;
  /** Only some scenarios ran (`--scenarios`). */
  partial: boolean;
  machine: Machine;
  timing: Timing;
  seeding: Record<string, unknown>[];
  scenarios: ScenarioResult[];
  targets: TargetResult[];
  durationSeconds: number;
}

export function describeMachine(database: string): Machine {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  return {
    cpus: availableParallelism(),
    cpuModel: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    database,
  };
}

export function gitCommit(cwd: string): string {
  try {
    // Read-only: names the commit, with "-dirty" when tracked files other than results had changes
    // (a MySQL run's fresh results must not mark the SQLite run that follows it).
    const git = (...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
    const changed = git('status', '--porcelain', '--untracked-files=no', '--', '.', ':!bench/results');
    return `${git('rev-parse', '--short', 'HEAD')}${changed ? '-dirty' : ''}`;
  } catch {
    return 'unknown';
  }
}

const fixed = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : String(n));
/** A figure, or a dash where a case has none (no load of its own). */
const orDash = (value: number) => (Number.isNaN(value) ? '–' : fixed(value));
const formatMeasured = (t: TargetResult) => `${fixed(t.measured, t.unit ? 1 : 2)}${t.unit ? ` ${t.unit}` : ''}`;

export function toMarkdown(report: Report, commit: string): string {
  const { machine: m } = report;
  const lines = [
    `### ${report.dialect === 'mysql' ? 'MySQL (MariaDB)' : 'SQLite'}${report.quick ? ', quick' : ''}: ${report.date}, commit ${commit}`,
    '',
    `Machine: ${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGiB} GiB RAM, Node ${m.node}, ${m.database}. ` +
      `Each figure is the median of ${report.timing.runs} runs of ${report.timing.seconds} s after a ${report.timing.warmupSeconds} s warm-up ` +
      `(each server first took ${report.timing.serverWarmupSeconds} s of \`timeline.home\`); ` +
      'compared cases ran in turns. Latencies in ms (autocannon: whole ms), RSS of the server process in MiB.',
    '',
    '| # | Scenario | Case | req/s | p50 | p90 | p99 | peak RSS | Notes |',
    '|---|---|---|--:|--:|--:|--:|--:|---|',
  ];
  for (const s of report.scenarios) {
    for (const r of s.rows) {
      const l = r.load;
      const errors = l.non2xx || l.errors ? ` ${l.non2xx} non-2xx (${l.status5xx} 5xx), ${l.errors} errors` : '';
      lines.push(
        `| ${s.id} | ${s.title} | ${r.case} | ${orDash(l.rps)} | ${orDash(l.p50)} | ${orDash(l.p90)} | ${orDash(l.p99)} | ` +
          `${r.peakRssMiB ? fixed(r.peakRssMiB, 0) : '–'} | ${[r.note ?? '', errors].filter(Boolean).join(';')} |`,
      );
    }
  }
  lines.push('', '| Target | Measured | Required | Result |', '|---|--:|--:|---|');
  for (const t of report.targets) {
    lines.push(
      `| ${t.target} | ${formatMeasured(t)} | ${t.comparison} ${t.threshold}${t.unit ? ` ${t.unit}` : ''} | ${t.pass ? 'PASS' : '**FAIL**'} |`,
    );
  }
  if (report.seeding.length) {
    lines.push('', 'Seeding (`pnpm db:seed`):');
    for (const s of report.seeding) lines.push(`- ${JSON.stringify(s)}`);
  }
  return `${lines.join('\n')}\n`;
}

export function writeReport(directory: string, report: Report, commit: string): { json: string; markdown: string } {
  mkdirSync(directory, { recursive: true });
  // A partial run is named by its scenarios, so that two on one day do not overwrite each other.
  const ids = [...new Set(report.scenarios.map((s) => s.id))].sort((a, b) => a - b);
  const base = join(
    directory,
    `${report.date}-${report.dialect}${report.quick ? '-quick' : ''}${report.partial ? `-partial-${ids.join('-')}` : ''}`,
  );
  writeFileSync(`${base}.json`, `${JSON.stringify({ ...report, commit }, null, 2)}\n`);
  writeFileSync(`${base}.md`, toMarkdown(report, commit));
  return { json: `${base}.json`, markdown: `${base}.md` };
}

export function printTargets(targets: TargetResult[], log: (line: string) => void): void {
  for (const t of targets) {
    log(
      `  ${t.pass ? 'PASS' : 'FAIL'}  ${t.target}: ${formatMeasured(t)} (required ${t.comparison} ${t.threshold}${t.unit ? ` ${t.unit}` : ''})`,
    );
  }
}
