import { type ChildProcess, spawn } from 'node:child_process';

// Spins, and ends itself once orphaned (a test run killed before its cleanup): never left behind.
const SPIN =
  'const p = process.ppid; for (let i = 1; ; i++) if (i % 1e8 === 0 && process.ppid !== p) process.exit();';

/**
 * Busy machine: `n` processes that spin on the CPU until `stop()` (each killed by its own pid).
 * Beside a test's app they take the cores it would have, as other programs on a loaded server do.
 */
export function cpuPressure(n: number): { stop(): Promise<void> } {
  const spinners: ChildProcess[] = Array.from({ length: n }, () =>
    spawn(process.execPath, ['-e', SPIN], { stdio: 'ignore' }),
  );
  return {
    async stop() {
      await Promise.all(
        spinners.map(
          (p) =>
            new Promise<void>((resolve) => {
              if (p.exitCode !== null || p.signalCode !== null) return resolve();
              p.once('exit', () => resolve());
              p.kill('SIGKILL');
            }),
        ),
      );
    },
  };
}
