/**
 * `npm run sandbox -- --demo`: a lived-in workspace, played as real flows through signed requests
 * (see steps.ts... placeholder).
 */
import type { Sandbox } from './sandbox.js';

export async function* runDemo(_s: Sandbox): AsyncGenerator<string> {
  yield 'nothing yet';
}
