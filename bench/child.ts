import { fork, type ChildProcess } from 'node:child_process';

export type Message = { type: string; [k: string]: unknown };

/**
 * A benchmark child process (a TypeScript file run through tsx) that talks over IPC.
 * Children are always ended by their own pid: kill() sends the signal to this child only.
 */
export class Child {
  readonly proc: ChildProcess;
  private waiting: { type: string; resolve: (m: Message) => void }[] = [];
  private inbox: Message[] = [];
  private exited: Promise<number | null>;
  /** Lines the child reports with { type: 'log', line } (not kept in the inbox). */
  onLog: (line: string) => void = (line) => console.log(`  [${this.label}] ${line}`);

  constructor(file: string, env: Record<string, string>, readonly label: string) {
    this.proc = fork(new URL(file, import.meta.url).pathname, [], {
      execArgv: ['--import', 'tsx', ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [])],
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.proc.on('message', (m: Message) => {
      if (m.type === 'log') return this.onLog(String(m.line));
      const i = this.waiting.findIndex((w) => w.type === m.type);
      if (i >= 0) this.waiting.splice(i, 1)[0].resolve(m);
      else this.inbox.push(m);
    });
    this.exited = new Promise((resolve) => this.proc.once('exit', (code) => resolve(code)));
  }

  /** The next message of this type; fails if the child exits first or `timeoutMs` passes. */
  next(type: string, timeoutMs = 120_000): Promise<Message> {
    const i = this.inbox.findIndex((m) => m.type === type);
    if (i >= 0) return Promise.resolve(this.inbox.splice(i, 1)[0]);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.label}: no '${type}' within ${timeoutMs} ms`)), timeoutMs);
      this.waiting.push({ type, resolve: (m) => { clearTimeout(timer); resolve(m); } });
      void this.exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`${this.label} exited (code ${code}) before sending '${type}'`));
      });
    });
  }

  send(m: Message): void {
    this.proc.send(m);
  }

  /** Ask and wait for the answer (the child replies with `${type}:done`). */
  async ask(m: Message, timeoutMs?: number): Promise<Message> {
    const answer = this.next(`${m.type}:done`, timeoutMs);
    this.send(m);
    return answer;
  }

  /** SIGKILL: the crash case. */
  kill9(): void {
    this.proc.kill('SIGKILL');
  }

  /** Ends the child (SIGTERM, then SIGKILL after a grace period) and waits for it. */
  async stop(graceMs = 5000): Promise<void> {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return;
    this.proc.kill('SIGTERM');
    const t = setTimeout(() => this.proc.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(t);
  }
}

/** Helpers for the child side. */
export function reply(m: Message): void {
  process.send?.(m);
}

export function onMessage(handlers: Record<string, (m: Message) => Promise<Record<string, unknown> | void>>): void {
  process.on('message', async (m: Message) => {
    const h = handlers[m.type];
    if (!h) return;
    try {
      const out = await h(m);
      reply({ ...(out ?? {}), type: `${m.type}:done` });
    } catch (err) {
      reply({ type: `${m.type}:done`, error: String(err instanceof Error ? err.stack : err) });
    }
  });
}
