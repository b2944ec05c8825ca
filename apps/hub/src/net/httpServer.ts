import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { authorizeHttp, httpRoutes, isHttpRouteKey, type HttpRouteKey } from '@motcua/core';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type FastifyRequest,
} from 'fastify';
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { TrustFunction } from './clientAddress.js';
import type { HttpCaller } from './httpGuard.js';
import { refusalBody, refuse, type HubRoute } from './routes.js';

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

/** The longest request line plus headers Node accepts; longer gets 431 before any of our code runs. */
export const MAX_HEADER_BYTES = 16 * 1024;
/** A refused body up to this size is read and dropped before the 413, so the client gets the answer. */
const MAX_DRAINED_BODY = 64 * 1024 * 1024;
/** JSON bodies larger than this are refused (413) unless a route allows more (voice uploads). */
export const DEFAULT_BODY_LIMIT = 64 * 1024;

/** The app folders served under /<app>/: a missing trailing slash redirects there. */
const APP_MOUNTS = ['/kiosk', '/counter', '/display', '/admin', '/citizen', '/book'];

export interface HttpAppOptions {
  log: Logger;
  trust: TrustFunction;
  /** Whether the Host header names this hub (DNS rebinding and stray names are refused). */
  hostAllowed(header: string | undefined): boolean;
  /** Which user sent the request, from its bearer session (read per request). */
  callerOf(req: IncomingMessage): HttpCaller;
}

function statusFor(error: FastifyError): number {
  const status = error.statusCode ?? 500;
  return status >= 400 && status < 600 ? status : 500;
}

/**
 * The hub's HTTP server: Fastify with the security headers on every answer, JSON-only bodies, the Host
 * check, and every error answered as `{ ok:false, code, message }` (a malformed URL is a 400, never a crash).
 */
export async function createHttpApp(options: HttpAppOptions): Promise<FastifyInstance> {
  const { log } = options;
  const app = Fastify({
    loggerInstance: log.child({ part: 'http' }) as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: options.trust,
    bodyLimit: DEFAULT_BODY_LIMIT,
    // Keep-alive connections of open browsers must not hold the hub open at shutdown.
    forceCloseConnections: true,
    return503OnClosing: true,
    http: { maxHeaderSize: MAX_HEADER_BYTES },
    routerOptions: { maxParamLength: 500 },
    frameworkErrors: (error, _request, reply) => {
      reply.headers(SECURITY_HEADERS);
      return refuse(reply, 400, 'BAD_REQUEST', { issue: error.message });
    },
  });
  // Only JSON: a text/plain POST (what a foreign page can send without a preflight) gets 415.
  app.removeContentTypeParser(['text/plain']);
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(SECURITY_HEADERS);
    if (!options.hostAllowed(request.headers.host)) {
      void refuse(reply, 421, 'BAD_REQUEST', { issue: 'Host not served by this hub' });
      return;
    }
    done();
  });
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const status = statusFor(error);
    if (status >= 500) {
      log.error({ err: error, url: request.url }, 'HTTP handler failed');
      return refuse(reply, 500, 'INTERNAL');
    }
    if (status === 429) return refuse(reply, 429, 'RATE_LIMITED');
    if (status === 413) {
      const routeIssue = (request.routeOptions.config as { tooLargeIssue?: string } | undefined)?.tooLargeIssue;
      // Closing a connection whose body is still arriving resets it, and the client may never read the
      // answer: read (and drop) a body up to MAX_DRAINED_BODY first, then answer and close.
      const declared = Number(request.headers['content-length'] ?? Infinity);
      if (!request.raw.complete && declared <= MAX_DRAINED_BODY) {
        request.raw.resume();
        await new Promise<void>((resolve) => {
          request.raw.once('end', resolve);
          request.raw.once('error', () => resolve());
          request.raw.once('close', resolve);
        });
      }
      reply.header('Connection', 'close');
      return refuse(reply, 413, 'BAD_REQUEST', {
        issue: routeIssue ?? 'Dữ liệu gửi lên quá lớn / Request body too large',
      });
    }
    if (status === 415) {
      return refuse(reply, 415, 'BAD_REQUEST', {
        issue: 'Cần gửi dữ liệu JSON (Content-Type: application/json) / JSON body required',
      });
    }
    return refuse(reply, status, 'BAD_REQUEST', { issue: error.message });
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if ((request.method === 'GET' || request.method === 'HEAD') && APP_MOUNTS.includes(path)) {
      return reply.redirect(`${path}/`, 301);
    }
    // A status link copied with a trailing slash (/t/<token>/) is a person's, not an API's: to the page.
    if ((request.method === 'GET' || request.method === 'HEAD') && /^\/t\/[A-Za-z0-9_-]{1,200}\/$/.test(path)) {
      return reply.redirect(path.slice(0, -1), 301);
    }
    return refuse(reply, 404, 'NOT_FOUND');
  });
  await app.register(fastifyStatic, { root: '/', serve: false });
  await app.register(fastifyRateLimit, {
    global: false,
    keyGenerator: (request: FastifyRequest) => request.ip,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      ...refusalBody('RATE_LIMITED', { retryAfterSeconds: Math.ceil(context.ttl / 1000) }),
    }),
  });
  return app;
}

function parsed<T>(
  schema: z.ZodType<T> | undefined,
  value: unknown,
): { ok: true; value: T } | { ok: false; issue: string } {
  if (!schema) return { ok: true, value: value as T };
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  return { ok: false, issue: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` };
}

/** The one place routes are registered: each behind the guard (core's table) and its schemas. */
export function registerRoutes(app: FastifyInstance, routes: HubRoute[], callerOf: HttpAppOptions['callerOf']): void {
  for (const route of routes) {
    const key = `${route.method} ${route.url}`;
    if (!isHttpRouteKey(key)) throw new Error(`HTTP route ${key} has no line in core's httpRouteRoles`);
    const accessKey: HttpRouteKey = key;
    // A JSON route's reply type is core's: it must be declared with jsonRoute, which types it.
    if (httpRoutes[accessKey].kind === 'json' && !route.typedJson)
      throw new Error(`HTTP route ${key} answers JSON: declare it with jsonRoute (core's httpRoutes)`);
    app.route({
      method: route.method,
      url: route.url,
      ...(route.bodyLimit ? { bodyLimit: route.bodyLimit } : {}),
      config: {
        ...(route.rateLimit ? { rateLimit: { max: route.rateLimit.max, timeWindow: route.rateLimit.windowMs } } : {}),
        ...(route.tooLargeIssue ? { tooLargeIssue: route.tooLargeIssue } : {}),
      },
      handler: async (request, reply) => {
        const caller = callerOf(request.raw);
        const refusal = authorizeHttp(accessKey, caller.role);
        if (refusal) return refuse(reply, refusal.code === 'UNAUTHENTICATED' ? 401 : 403, refusal.code);
        const params = parsed(route.params, request.params);
        const query = parsed(route.query, request.query);
        const body = parsed(route.body, request.body);
        for (const input of [params, query, body])
          if (!input.ok) return refuse(reply, 400, 'BAD_REQUEST', { issue: input.issue });
        if (!params.ok || !query.ok || !body.ok) return reply;
        const result = await route.handler({
          params: params.value,
          query: query.value,
          body: body.value,
          user: caller.user,
          request,
          reply,
        });
        return result === undefined ? reply : result;
      },
    });
  }
}
