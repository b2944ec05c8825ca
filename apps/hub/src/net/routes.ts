import {
  errorMessages,
  httpRouteParts,
  httpRoutes,
  type ErrorCode,
  type FileRouteKey,
  type HttpMethod,
  type HttpOk,
  type HttpParsed,
  type HttpRefusal,
  type HttpReply,
  type HttpRouteSpec,
  type JsonRouteKey,
  type User,
} from '@motcua/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';

export type { HttpMethod };

/** What a route handler gets: its inputs already parsed by the route's zod schemas, and the caller. */
export interface RouteCall<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  /** The signed-in user for routes that need one (the guard has checked the role). */
  user: User | null;
  request: FastifyRequest;
  reply: FastifyReply;
}

/**
 * One HTTP route, declared as data: the hub registers every feature's list in one place, after the
 * guard (core's `httpRouteRoles`, keyed by "METHOD url") and the schemas. The handler returns the JSON
 * body for a 200, or the reply it sent itself.
 */
export interface HubRoute<P = unknown, Q = unknown, B = unknown> {
  method: HttpMethod;
  /** Fastify's pattern: "/api/audit", "/t/:token", "/kiosk/*". */
  url: string;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  bodyLimit?: number;
  /** The `issue` of the 413 answered for a body over `bodyLimit` (else a generic one). */
  tooLargeIssue?: string;
  /** Per client address (trust-proxy aware): at most `max` calls per `windowMs`. */
  rateLimit?: { max: number; windowMs: number };
  /** Declared with `jsonRoute`: its inputs and reply are core's `httpRoutes` line (registerRoutes checks). */
  typedJson?: true;
  handler(call: RouteCall<P, Q, B>): unknown;
}

/** Declares a route with its handler's inputs typed from its schemas (static files under a mount). */
export function defineRoute<P = unknown, Q = unknown, B = unknown>(route: HubRoute<P, Q, B>): HubRoute {
  return route as HubRoute;
}

type RouteOptions = Pick<HubRoute, 'bodyLimit' | 'tooLargeIssue' | 'rateLimit'>;
type CallOf<K extends JsonRouteKey | FileRouteKey> = RouteCall<
  HttpParsed<K, 'params'>,
  HttpParsed<K, 'query'>,
  HttpParsed<K, 'body'>
>;
type Answer<T> = T | FastifyReply | Promise<T | FastifyReply>;

/** The schemas of core's line for `key`, as the registration parses them. */
function schemasOf(key: JsonRouteKey | FileRouteKey): Pick<HubRoute, 'params' | 'query' | 'body'> {
  const spec: HttpRouteSpec = httpRoutes[key];
  const body = spec.kind === 'json' ? spec.body : undefined;
  return {
    ...(spec.params ? { params: spec.params } : {}),
    ...(spec.query ? { query: spec.query } : {}),
    ...(body ? { body } : {}),
  };
}

/**
 * A JSON route of core's `httpRoutes`: its params, query and body are parsed with core's schemas, and the
 * handler must return core's reply type for it (or the reply it sent itself: `refuse`, `sendJson`).
 */
export function jsonRoute<K extends JsonRouteKey>(
  key: K,
  options: RouteOptions & { handler(call: CallOf<K>): Answer<HttpOk<K>> },
): HubRoute {
  const { method, url } = httpRouteParts(key);
  return { method, url, ...schemasOf(key), ...options, typedJson: true } as HubRoute;
}

/** A route of core's `httpRoutes` that answers a file or a page, with its inputs parsed by core's schemas. */
export function fileRoute<K extends FileRouteKey>(
  key: K,
  options: RouteOptions & { handler(call: CallOf<K>): unknown },
): HubRoute {
  const { method, url } = httpRouteParts(key);
  return { method, url, ...schemasOf(key), ...options } as HubRoute;
}

/** Sends a JSON route's reply with a status of its own (201, 503), typed by core's line for the route. */
export function sendJson<K extends JsonRouteKey>(
  reply: FastifyReply,
  _key: K,
  status: number,
  body: HttpReply<K>,
): FastifyReply {
  return reply.code(status).send(body);
}

/** The JSON every refusal carries: `{ ok: false, code, message, messageEn, details? }`. */
export function refusalBody(code: ErrorCode, details?: Record<string, unknown>): HttpRefusal {
  return {
    ok: false as const,
    code,
    message: errorMessages[code].vi,
    messageEn: errorMessages[code].en,
    ...(details ? { details } : {}),
  };
}

export function refuse(
  reply: FastifyReply,
  status: number,
  code: ErrorCode,
  details?: Record<string, unknown>,
): FastifyReply {
  return reply.code(status).header('Cache-Control', 'no-store').send(refusalBody(code, details));
}

export function sendHtml(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').header('Cache-Control', 'no-store').send(html);
}
