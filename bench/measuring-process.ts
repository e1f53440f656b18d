// A measuring process (bench/engine-process.ts or bench/numpy_bench.py) as bench/run.ts sees it:
// started with its engine's command line, it answers one command at a time (bench/protocol.ts).
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Command, Hello } from './protocol.js';

export class MeasuringProcess {
  private readonly lines: AsyncIterator<string>;
  private stderr = '';

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    this.lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    child.stderr.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-2000);
    });
    // Writing to a process that has died is reported by the next read; not an uncaught error.
    child.stdin.on('error', () => {});
  }

  /** The process, once its engine has loaded; or why it did not. */
  static async start(
    command: string,
    args: string[],
    env?: NodeJS.ProcessEnv,
  ): Promise<MeasuringProcess | string> {
    const started = new MeasuringProcess(spawn(command, args, { env }));
    try {
      const hello = await started.read<Hello>();
      if ('ready' in hello) return started;
      await started.close();
      return hello.error;
    } catch (error) {
      return String(error instanceof Error ? error.message : error);
    }
  }

  /** The reply to one command; throws with the end of the process's stderr if it has died. */
  async send<Reply>(command: Command): Promise<Reply> {
    this.child.stdin.write(JSON.stringify(command) + '\n');
    return this.read<Reply>();
  }

  /** Ends the process's input, so it exits, and waits for it (killing it after 10 s). */
  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.stdin.end();
    const stuck = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(stuck);
  }

  private async read<Reply>(): Promise<Reply> {
    const next = await this.lines.next();
    if (next.done) {
      const why = this.stderr.trim().split('\n').slice(-3).join(' ').slice(0, 200);
      throw new Error(why || 'the process ended');
    }
    return JSON.parse(next.value) as Reply;
  }
}
