import proxyAddr from '@fastify/proxy-addr';
import type { IncomingMessage } from 'node:http';
import type { TrustProxySetting } from '../options.js';

export type TrustFunction = (address: string, hop: number) => boolean;

/** The `--trust-proxy` setting as the function Fastify and `clientAddress` both use. */
export function trustFunction(setting: TrustProxySetting): TrustFunction {
  if (setting === true) return () => true;
  if (setting === false || setting.length === 0) return () => false;
  return proxyAddr.compile(setting);
}

/**
 * The address a request came from: the socket's peer, or with `--trust-proxy` the first address in
 * X-Forwarded-For that is not a trusted proxy. Rate limits, throttles and "is this localhost" use it.
 */
export function clientAddress(req: IncomingMessage, trust: TrustFunction): string {
  return proxyAddr(req, trust) || 'unknown';
}
