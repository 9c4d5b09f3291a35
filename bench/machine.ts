import { readFileSync } from 'node:fs';
import os from 'node:os';

/** What the figures were measured on: they mean little without it. */
export type Machine = {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  platform: string;
  /** 1/5/15-minute load averages when the run started and ended (other work on the machine skews figures). */
  loadAtStart: number[];
  loadAtEnd?: number[];
};

export function describeMachine(): Machine {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

const ROOT = new URL('../', import.meta.url).pathname;

/** The installed version of a package, read from its package.json (exports maps may hide it from require). */
export function packageVersion(name: string): string | null {
  try {
    return JSON.parse(readFileSync(`${ROOT}node_modules/${name}/package.json`, 'utf8')).version ?? null;
  } catch {
    return null;
  }
}

export const BENCH_PACKAGES = [
  '@electric-sql/pglite', 'pg', 'fastify', 'autocannon', 'graphile-worker', 'pg-boss', 'tsx', 'zod',
];

export function describeVersions(postgresServer: string | null) {
  const own = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { version: string };
  return {
    wellcheck: own.version,
    node: process.version,
    postgresServer,
    pglite: packageVersion('@electric-sql/pglite'),
    packages: Object.fromEntries(BENCH_PACKAGES.map((p) => [p, packageVersion(p)])),
  };
}
