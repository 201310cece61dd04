/**
 * Sends a batch of prepared HTTP requests from a worker thread, `inFlight` at a time, and times
 * each answer. In its own thread the load does not queue behind the app's work in the test's event
 * loop (app, stand-in and client otherwise share one), so the times are the app's. Plain module.
 */
import { Worker } from 'node:worker_threads';

/** One request: everything is ready to send (headers already signed). */
export interface PreparedRequest {
  headers: Record<string, string>;
  body: string;
}

/** What came back: the status (0 when the connection failed) and the milliseconds it took. */
export interface TimedAnswer {
  status: number;
  ms: number;
  error?: string;
}

// Plain JavaScript: a worker started from source (eval) is not compiled by the test runner.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { url, batches, inFlight } = workerData;
async function send(requests) {
  const answers = new Array(requests.length);
  let next = 0;
  async function run() {
    for (let i = next++; i < requests.length; i = next++) {
      const started = performance.now();
      try {
        const res = await fetch(url, { method: 'POST', headers: requests[i].headers, body: requests[i].body });
        await res.arrayBuffer();
        answers[i] = { status: res.status, ms: performance.now() - started };
      } catch (err) {
        answers[i] = { status: 0, ms: performance.now() - started, error: String(err) };
      }
    }
  }
  await Promise.all(Array.from({ length: inFlight }, run));
  return answers;
}
(async () => {
  const results = [];
  for (const batch of batches) results.push(await send(batch));
  parentPort.postMessage(results);
})();
`;

/**
 * Sends each batch of requests to `url` in turn, `inFlight` at a time, over the same keep-alive
 * connections (a first batch can open them: a burst of new connections is accepted one per
 * event-loop turn and would time the ramp, not the app); resolves with the answers per batch.
 */
export function sendFromWorker(
  url: string,
  batches: PreparedRequest[][],
  inFlight: number,
): Promise<TimedAnswer[][]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { url, batches, inFlight } });
    worker.once('message', (answers: TimedAnswer[][]) => {
      resolve(answers);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}
