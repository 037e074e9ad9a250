/** What the numbers were measured on: a ratio means little without it. */
import { spawnSync } from 'node:child_process';
import * as os from 'node:os';

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly node: string;
  readonly platform: string;
  readonly git: string;
  readonly ripgrep: string;
  readonly date: string;
  /** 1-minute load average when the run started and when it ended: above `cores`, the machine was shared. */
  readonly load: { readonly start: number; readonly end: number };
}

function firstLine(file: string, args: readonly string[]): string {
  const r = spawnSync(file, args, { encoding: 'utf8' });
  return r.status === 0 ? (r.stdout.split('\n')[0] ?? '').trim() : 'unavailable';
}

export function describeMachine(rgPath: string, loadAtStart: number): Machine {
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    git: firstLine('git', ['--version']),
    ripgrep: firstLine(rgPath, ['--version']),
    date: new Date().toISOString().slice(0, 10),
    load: { start: loadAtStart, end: os.loadavg()[0] ?? 0 },
  };
}
