// A loopback static server for demos, end-to-end tests and the benchmark. Serves files from the given folders
// plus in-memory routes, and records every request it sees.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.txt': 'text/plain; charset=utf-8', '.png': 'image/png' };

/**
 * @param {{ dirs?: string[], routes?: Record<string, string | { body: string, type?: string, headers?: Record<string,string> }> }} opts
 * @returns {Promise<{ url: string, origin: string, requests: string[], route(path: string, body: string | object): void, close(): Promise<void> }>}
 */
export async function serve({ dirs = [], routes = {} } = {}) {
  const table = new Map(Object.entries(routes));
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    const routed = table.get(path);
    if (routed !== undefined) {
      const r = typeof routed === 'string' ? { body: routed } : routed;
      res.writeHead(200, { 'content-type': r.type ?? TYPES[extname(path)] ?? TYPES['.html'], ...(r.headers ?? {}) });
      res.end(r.body);
      return;
    }
    for (const dir of dirs) {
      const file = normalize(join(dir, path));
      if (!file.startsWith(normalize(dir))) break;
      try {
        const body = await readFile(file);
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        res.end(body);
        return;
      } catch {
        // try the next folder
      }
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/`,
    origin,
    requests,
    route(path, body) { table.set(path, body); },
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(() => resolve()); }),
  };
}
