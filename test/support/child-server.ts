import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

const ROOT = new URL('../../', import.meta.url).pathname;

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.listen(0, () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });

export type Child = { proc: ChildProcess; output: () => string; exited: Promise<number | null> };

/** Runs `src/cli.ts <command>` (or main.ts when command is 'start') as a real child process. */
export function spawnWellcheck(command: 'start' | 'engine' | 'api', env: Record<string, string>): Child {
  const args = command === 'start' ? ['--import', 'tsx', 'src/main.ts'] : ['--import', 'tsx', 'src/cli.ts', command];
  const base = { ...process.env };
  delete base.DATABASE_URL; // only the database the test names
  const proc = spawn(process.execPath, args, {
    cwd: ROOT, env: { ...base, DEMO: 'off', LOG_LEVEL: 'silent', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
  return { proc, output: () => out, exited };
}

export async function waitFor(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      /* not yet */
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function waitHealthy(port: number, child: Child, timeoutMs = 90_000) {
  await waitFor(async () => {
    if (child.proc.exitCode !== null) throw new Error(`server exited: ${child.output()}`);
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    return res.ok;
  }, `the server on port ${port}\n${child.output()}`, timeoutMs);
}
