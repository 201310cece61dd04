import { eventually } from './eventually.js';
import type { Harness } from './harness.js';

/** One scheduler pass (what the minute tick and `npm run jobs -- run-due` run) at `iso`; its notes. */
export async function passAt(h: Harness, iso: string): Promise<string[]> {
  h.clock.set(new Date(iso));
  return (await h.deps.scheduler.runPass()).notes;
}

/** Runs a slash command as `userId` and waits for the ephemeral answer it posts after its ack. */
export async function ephemeralAnswer(
  h: Harness,
  command: string,
  text: string,
  userId: string,
): Promise<string> {
  const before = h.standin.ephemeralsTo(userId).length;
  const res = await h.slack.sendCommand({ command, text, userId });
  if (res.status !== 200) throw new Error(`${command} answered HTTP ${res.status}`);
  return eventually(() => {
    const e = h.standin.ephemeralsTo(userId)[before];
    if (!e?.text) {
      const got = h.standin.ephemeralsTo(userId).map((x) => x.text);
      throw new Error(
        `no ephemeral answer to ${command} ${text} for ${userId} (theirs so far: ${JSON.stringify(got)})`,
      );
    }
    return e.text;
  });
}
