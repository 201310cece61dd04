/**
 * The sandbox's web page (127.0.0.1 only): the static page, `GET /api/screen` (polled; 204 when
 * nothing changed), and one POST per thing a person does in Slack.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { wordsFor } from './i18n.js';
import { parseLocalTime, type Sandbox } from './sandbox.js';
import { screenOf } from './screen.js';

const PAGE_DIR = path.join(import.meta.dirname, 'page');
const STATIC: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/page.js': { file: 'page.js', type: 'text/javascript; charset=utf-8' },
  '/page.css': { file: 'page.css', type: 'text/css; charset=utf-8' },
};
const MAX_BODY = 1_000_000;

const userId = z.string().regex(/^[UW][A-Z0-9]+$/);
const json = z.record(z.string(), z.unknown());
const bodies = {
  command: z.object({ as: userId, channel: z.string().min(1), line: z.string().max(4000) }),
  action: z.object({
    as: userId,
    surface: z.discriminatedUnion('kind', [
      z.object({
        kind: z.literal('message'),
        channel: z.string(),
        ts: z.string(),
        ephemeral: z.boolean().optional(),
      }),
      z.object({ kind: z.literal('view'), viewId: z.string() }),
    ]),
    action: z.object({ action_id: z.string(), block_id: z.string() }).catchall(z.unknown()),
    values: json,
  }),
  submit: z.object({ as: userId, viewId: z.string(), values: json }),
  close: z.object({ as: userId, viewId: z.string() }),
  opened: z.object({ as: userId, tab: z.enum(['home', 'messages']) }),
  clock: z.object({ as: userId, to: z.string().optional(), next: z.boolean().optional() }),
};

/** The running page. */
export interface SandboxPage {
  url: string;
  stop(): Promise<void>;
}

/** Serves the page for `sandbox` on 127.0.0.1:`port` (0: a free port). */
export async function servePage(sandbox: Sandbox, port = 0): Promise<SandboxPage> {
  const server: Server = createServer((req, res) => {
    handle(sandbox, req, res).catch((err: unknown) => {
      sandbox.deps.logger.error('sandbox page request failed', err);
      if (!res.headersSent) send(res, 500, { error: err instanceof Error ? err.message : String(err) });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}/`,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function send(res: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    res.writeHead(status).end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

async function handle(s: Sandbox, req: IncomingMessage, res: ServerResponse): Promise<void> {
  // A page elsewhere that rebinds its name to 127.0.0.1 still sends its own Host: refused.
  const host = (req.headers.host ?? '').replace(/:\d+$/, '');
  if (host !== '127.0.0.1' && host !== 'localhost') return send(res, 421, { error: 'use http://127.0.0.1' });
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (req.method === 'GET') {
    const asset = STATIC[url.pathname];
    if (asset) {
      const content = await readFile(path.join(PAGE_DIR, asset.file));
      res.writeHead(200, { 'content-type': asset.type, 'cache-control': 'no-store' }).end(content);
      return;
    }
    if (url.pathname === '/api/screen') {
      const as = userId.safeParse(url.searchParams.get('as'));
      if (!as.success) return send(res, 400, { error: 'as: a user id' });
      const since = url.searchParams.get('since');
      if (since !== null && since === `${as.data}:${s.version()}`) return send(res, 204);
      return send(res, 200, screenOf(s, as.data));
    }
    return send(res, 404, { error: 'not found' });
  }
  if (req.method !== 'POST' || !url.pathname.startsWith('/api/'))
    return send(res, 404, { error: 'not found' });
  // Only the page itself posts here (a JSON body, which a cross-site form cannot send).
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
    return send(res, 415, { error: 'JSON only' });
  }
  const kind = url.pathname.slice('/api/'.length) as keyof typeof bodies;
  const schema = bodies[kind];
  if (!schema) return send(res, 404, { error: 'not found' });
  const parsed = schema.safeParse(await readJson(req));
  if (!parsed.success) return send(res, 400, { error: parsed.error.message });
  const b = parsed.data;
  switch (kind) {
    case 'command': {
      const c = b as z.infer<typeof bodies.command>;
      await s.command(c.as, c.channel, c.line);
      return send(res, 200, { ok: true });
    }
    case 'action': {
      const a = b as z.infer<typeof bodies.action>;
      await s.action(a.as, a.surface, a.action, a.values);
      return send(res, 200, { ok: true });
    }
    case 'submit': {
      const v = b as z.infer<typeof bodies.submit>;
      await s.submit(v.as, v.viewId, v.values);
      return send(res, 200, { ok: true });
    }
    case 'close': {
      const v = b as z.infer<typeof bodies.close>;
      await s.closeModal(v.as, v.viewId);
      return send(res, 200, { ok: true });
    }
    case 'opened': {
      const o = b as z.infer<typeof bodies.opened>;
      await s.opened(o.as, o.tab);
      return send(res, 200, { ok: true });
    }
    case 'clock': {
      const c = b as z.infer<typeof bodies.clock>;
      const zone = s.standin.state.users.get(c.as)?.tz ?? 'UTC';
      const words = wordsFor(s.standin.state.users.get(c.as)?.locale);
      if (c.next) {
        const report = await s.advanceToNext();
        return send(
          res,
          200,
          report
            ? { ok: true, summary: s.lastAdvanceIn(c.as) }
            : { ok: false, error: words.w('nothingPlanned') },
        );
      }
      const at = c.to ? parseLocalTime(c.to, zone) : undefined;
      if (!at) return send(res, 400, { error: words.w('badTime') });
      try {
        await s.advance(at);
        return send(res, 200, { ok: true, summary: s.lastAdvanceIn(c.as) });
      } catch (err) {
        if (err instanceof Error && err.message.includes('only moves forward'))
          return send(res, 400, { error: words.w('backwards') });
        return send(res, 400, { error: err instanceof Error ? err.message : String(err) });
      }
    }
  }
}
