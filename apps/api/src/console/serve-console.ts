import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { NextFunction, Request, Response } from 'express';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

/** Where `npm run build:console` writes the console. */
export const CONSOLE_DIR = join(process.cwd(), 'dist', 'console');

/**
 * The browser console under /app/ (DESIGN §8), with `/` redirecting there. Hashed assets are
 * served pre-compressed (brotli, else gzip: scripts/compress-console.mjs writes both at build
 * time) and cached for a year; index.html is never cached, so a new build reaches everyone.
 * Every other path under /app/ is the single-page app's own route and gets index.html.
 */
export function consoleHandler(dir: string = CONSOLE_DIR) {
  // Mounted at the root: it answers `/` and `/app/...` and passes everything else on.
  const root = normalize(dir + sep);
  const index = join(dir, 'index.html');
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (req.path === '/') return res.redirect(302, '/app/');
    if (req.path !== '/app' && !req.path.startsWith('/app/')) return next();
    const path = req.path.slice('/app'.length) || '/';
    if (!existsSync(index)) {
      res
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('The console is not built: run npm run build:console');
      return;
    }
    const wanted = normalize(join(dir, decodeURIComponent(path)));
    const isAsset =
      wanted.startsWith(root) &&
      path.startsWith('/assets/') &&
      existsSync(wanted) &&
      statSync(wanted).isFile();
    const file = isAsset ? wanted : index;
    res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
    res.setHeader('Vary', 'Accept-Encoding');
    res.setHeader('Cache-Control', isAsset ? 'public, max-age=31536000, immutable' : 'no-cache');
    const accepts = String(req.headers['accept-encoding'] ?? '');
    for (const [encoding, suffix] of [
      ['br', '.br'],
      ['gzip', '.gz'],
    ] as const) {
      if (accepts.includes(encoding) && existsSync(file + suffix)) {
        res.setHeader('Content-Encoding', encoding);
        res.end(req.method === 'HEAD' ? undefined : readFileSync(file + suffix));
        return;
      }
    }
    res.end(req.method === 'HEAD' ? undefined : readFileSync(file));
  };
}
