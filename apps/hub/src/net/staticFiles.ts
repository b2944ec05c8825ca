import { existsSync, statSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import type { FastifyReply } from 'fastify';
import { staticPathParamsSchema } from '@motcua/core';
import { defineRoute, refuse, sendHtml, type HubRoute } from './routes.js';

const NOT_BUILT_PAGE = `<!doctype html><meta charset="utf-8"><title>Chưa sẵn sàng</title><p>Ứng dụng chưa được build. Chạy <code>npm run build</code> rồi tải lại trang.</p><p>This app is not built yet: run <code>npm run build</code> and reload.</p>`;

/** The file `relativePath` names inside `root`, or null when it would leave the folder (`..`, absolute, NUL). */
export function fileInside(root: string, relativePath: string): string | null {
  if (relativePath.includes('\0')) return null;
  const absoluteRoot = resolve(root);
  const target = resolve(absoluteRoot, `.${sep}${relativePath}`);
  return target === absoluteRoot || target.startsWith(absoluteRoot + sep) ? target : null;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Sends one file under `root` through @fastify/static (ETag, Last-Modified, Range, HEAD).
 * Hashed build assets are cached for a year; everything else is revalidated.
 */
export function sendFileInside(reply: FastifyReply, root: string, file: string): FastifyReply {
  const absoluteRoot = resolve(root);
  // @fastify/send decodes the path once more: hand it each segment encoded, so "%" in a name stays "%".
  const encoded = relative(absoluteRoot, file).split(sep).map(encodeURIComponent).join('/');
  const immutable = file.startsWith(join(absoluteRoot, 'assets') + sep);
  if (!immutable) reply.header('Cache-Control', 'no-cache');
  return reply.sendFile(
    encoded,
    absoluteRoot,
    immutable ? { maxAge: 365 * 24 * 3600_000, immutable: true } : { cacheControl: false },
  );
}

/** The index.html of a single-page app, or the "not built yet" page. */
export function sendAppIndex(reply: FastifyReply, root: string): FastifyReply {
  const index = join(resolve(root), 'index.html');
  if (!existsSync(index)) return sendHtml(reply, 503, NOT_BUILT_PAGE);
  return sendFileInside(reply, root, index);
}

/**
 * GET `<mount>/*` from a folder. With `spa`, a path without a file extension gets the app's index.html
 * (the app picks its screen from the URL).
 */
export function staticRoute(mount: string, root: string, spa: boolean): HubRoute {
  return defineRoute({
    method: 'GET',
    url: `${mount}/*`,
    params: staticPathParamsSchema,
    handler: ({ params, reply }) => {
      const path = params['*'];
      const file = fileInside(root, path);
      if (!file) return refuse(reply, 404, 'NOT_FOUND');
      if (isFile(file)) return sendFileInside(reply, root, file);
      const index = join(file, 'index.html');
      if (isFile(index)) return sendFileInside(reply, root, index);
      if (spa && extname(path) === '') return sendAppIndex(reply, root);
      return refuse(reply, 404, 'NOT_FOUND');
    },
  });
}
