/**
 * How a process of Passerelle (the server, `npm run jobs`) learns it must stop, and stays alive
 * until it has.
 */

/**
 * Calls `stop` on the first SIGTERM or SIGINT. The handlers stay for the life of the process, so a
 * repeated signal is ignored (`onRepeat` is told) instead of killing the process half-way through
 * its stop: the same stop often arrives twice — a terminal's Ctrl-C and systemd signal the whole
 * process group while `npm run` forwards the signal to its script as well, and a watcher may send
 * it again when the process is slow to answer on a busy machine. To end a process at once: SIGKILL.
 */
export function onStopSignal(
  stop: (signal: NodeJS.Signals) => void,
  onRepeat: (signal: NodeJS.Signals) => void = () => {},
): void {
  let received = false;
  const handle = (signal: NodeJS.Signals) => {
    if (received) return onRepeat(signal);
    received = true;
    stop(signal);
  };
  process.on('SIGTERM', handle);
  process.on('SIGINT', handle);
}

/**
 * A write to a stdout or stderr whose reader went away (`| head`, a `| tee` killed by the same
 * Ctrl-C, a closed terminal) fails with EPIPE, and an unhandled stream error ends the process —
 * possibly in the middle of recording what it sent. Such a write is dropped instead.
 */
export function tolerateClosedOutput(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
    });
  }
}
