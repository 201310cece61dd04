// Runs every test of the given files alone, one vitest run per test (`-t '^<its full name>$'`), to
// prove that no test needs what another left behind. Slow (a few seconds a test): not part of CI.
//
//   node --import tsx scripts/each-test-alone.mjs test/features/home.test.ts [more files…]
//
// One embedded FerretDB serves every run (each vitest run would otherwise start its own); set
// MONGODB_URI to use another server. Exits 1 if any test fails alone, naming it.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startFerretDb } from '../src/db/ferretdb.js';
import { silentLogger } from '../src/logger.js';

const root = path.resolve(import.meta.dirname, '..');
const vitestBin = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');

/** Runs vitest with `args`; resolves with its exit code and everything it printed. */
function vitest(args, env) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [vitestBin, ...args], { cwd: root, env });
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
    });
    child.stderr.on('data', (c) => {
      out += c;
    });
    child.once('exit', (code) => resolve({ code, out }));
  });
}

/** A regular expression matching exactly this text. */
function exactly(text) {
  return `^${text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`;
}

async function main() {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    console.error('usage: node --import tsx scripts/each-test-alone.mjs <test file>…');
    process.exit(2);
  }
  const work = await mkdtemp(path.join(tmpdir(), 'passerelle-alone-'));
  let server;
  const env = { ...process.env, FORCE_COLOR: '0' };
  if (!env.MONGODB_URI) {
    server = await startFerretDb({
      backend: { kind: 'sqlite', dir: path.join(work, 'db') },
      logger: silentLogger(),
    });
    env.MONGODB_URI = server.uri;
  }
  const failed = [];
  let passed = 0;
  try {
    for (const file of files) {
      const listFile = path.join(work, 'list.json');
      const listed = await vitest(['list', `--json=${listFile}`, file], env);
      if (listed.code !== 0) throw new Error(`vitest list ${file} failed:\n${listed.out}`);
      // `vitest list` joins describe and test names with " > "; -t matches them joined by spaces.
      const names = JSON.parse(await readFile(listFile, 'utf8')).map((t) => t.name.split(' > ').join(' '));
      console.log(`${file}: ${names.length} test(s), each alone`);
      for (const name of names) {
        const report = path.join(work, 'report.json');
        const started = Date.now();
        const run = await vitest(
          ['run', file, '-t', exactly(name), '--reporter=json', `--outputFile=${report}`],
          env,
        );
        const r = JSON.parse(await readFile(report, 'utf8').catch(() => '{}'));
        const ok = run.code === 0 && r.numPassedTests === 1 && r.numFailedTests === 0;
        const took = `${((Date.now() - started) / 1000).toFixed(1)} s`;
        if (ok) {
          passed += 1;
          console.log(`  ✓ ${name} (${took})`);
        } else {
          failed.push(`${file} › ${name}`);
          const results = (r.testResults ?? []).flatMap((f) => f.assertionResults ?? []);
          const messages = results.flatMap((a) => a.failureMessages ?? []).join('\n');
          const why = r.numPassedTests === 0 && !messages ? 'no test matched the name' : messages || run.out;
          console.log(`  ✗ ${name} (${took})\n${why.replace(/^/gm, '      ')}`);
        }
      }
    }
  } finally {
    await server?.stop();
    await rm(work, { recursive: true, force: true });
  }
  console.log(`\n${passed} passed alone, ${failed.length} failed alone`);
  for (const f of failed) console.log(`  ✗ ${f}`);
  process.exit(failed.length === 0 ? 0 : 1);
}

await main();
