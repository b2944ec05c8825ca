import { errorMessages, type ErrorCode, type User } from '@motcua/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

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
  handler(call: RouteCall<P, Q, B>): unknown;
}

/** Declares a route with its handler's inputs typed from its schemas. */
export function defineRoute<P = unknown, Q = unknown, B = unknown>(route: HubRoute<P, Q, B>): HubRoute {
  return route as HubRoute;
}

/** The JSON every refusal carries: `{ ok: false, code, message, messageEn, details? }`. */
export function refusalBody(code: ErrorCode, details?: Record<string, unknown>) {
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
