import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { networkInterfaces } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import type { Logger } from 'pino';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => void | Promise<void>;

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Exact path, or a prefix ending in "/". */
  path: string;
  handler: RouteHandler;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.opus': 'audio/ogg',
  '.ogg': 'audio/ogg',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.webmanifest': 'application/manifest+json',
};

/** The headers every response carries; the apps are built to work under this policy. */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "media-src 'self' data: blob:",
    "connect-src 'self' ws: wss:",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; '),
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(html);
}

/** Reads a JSON body of at most `limit` bytes; rejects with a status the caller sends back. */
export function readJsonBody(req: IncomingMessage, limit = 1_000_000): Promise<unknown> {
  return new Promise((resolveBody, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(Object.assign(new Error('body too large'), { status: 413 }));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        resolveBody(chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : null);
      } catch {
        reject(Object.assign(new Error('invalid JSON'), { status: 400 }));
      }
    });
    req.on('error', reject);
  });
}

/** Serves a built single-page app from `root`; unknown paths get its index.html. */
export function serveStatic(root: string, mount: string, fallbackToIndex: boolean): RouteHandler {
  const absoluteRoot = resolve(root);
  return (_req, res, url) => {
    const relative = decodeURIComponent(url.pathname.slice(mount.length)) || 'index.html';
    const target = normalize(join(absoluteRoot, relative));
    if (!target.startsWith(absoluteRoot)) return sendJson(res, 403, { ok: false, code: 'FORBIDDEN' });
    let file = target;
    if (!existsSync(file) || statSync(file).isDirectory()) {
      const index = join(file, 'index.html');
      if (existsSync(index)) file = index;
      else if (fallbackToIndex && extname(relative) === '') file = join(absoluteRoot, 'index.html');
      else return sendJson(res, 404, { ok: false, code: 'NOT_FOUND', message: 'Không tìm thấy / Not found' });
    }
    if (!existsSync(file)) {
      return sendHtml(
        res,
        503,
        `<!doctype html><meta charset="utf-8"><title>Chưa sẵn sàng</title><p>Ứng dụng chưa được build. Chạy <code>npm run build</code> rồi tải lại trang.</p><p>This app is not built yet: run <code>npm run build</code> and reload.</p>`,
      );
    }
    const immutable = file.includes(`${join(absoluteRoot, 'assets')}`);
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    createReadStream(file).pipe(res);
  };
}

/** The machine's IPv4 addresses on the LAN, for the landing page and the start banner. */
export function lanAddresses(): string[] {
  const addresses: string[] = [];
  for (const list of Object.values(networkInterfaces())) {
    for (const info of list ?? []) if (info.family === 'IPv4' && !info.internal) addresses.push(info.address);
  }
  return addresses;
}

export function createHttpServer(routes: () => Route[], log: Logger): Server {
  return createServer((req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    const url = new URL(req.url ?? '/', 'http://hub.local');
    const route = routes().find(
      (r) =>
        r.method === req.method &&
        (r.path === url.pathname ||
          // "/" is the landing page only, not a prefix of every path.
          (r.path.endsWith('/') && r.path !== '/' && url.pathname.startsWith(r.path)) ||
          `${url.pathname}/` === r.path),
    );
    if (!route) {
      if (url.pathname.startsWith('/socket.io/')) return; // Socket.IO answers these itself.
      return sendJson(res, 404, { ok: false, code: 'NOT_FOUND', message: 'Không tìm thấy / Not found' });
    }
    Promise.resolve(route.handler(req, res, url)).catch((error: unknown) => {
      const status = (error as { status?: number }).status ?? 500;
      if (status >= 500) log.error({ err: error, path: url.pathname }, 'HTTP handler failed');
      if (!res.headersSent) {
        sendJson(res, status, {
          ok: false,
          code: status === 413 || status === 400 ? 'BAD_REQUEST' : 'INTERNAL',
          message: status >= 500 ? 'Lỗi hệ thống / Internal error' : (error as Error).message,
        });
      } else res.end();
    });
  });
}
