import type { IncomingHttpHeaders } from 'node:http';
import { hostname, networkInterfaces } from 'node:os';

/** The Electron shells load their pages from this origin (see packages/desktop): always one of ours. */
export const SHELL_ORIGIN = 'app://motcua';

export interface OriginPolicy {
  /** Extra origins whose pages may open a socket (e.g. `https://motcua.ubnd.example.vn` behind a proxy). */
  allowedOrigins: readonly string[];
  /** Extra names the hub is reached by (besides localhost, this machine's name and its LAN addresses). */
  allowedHostNames: readonly string[];
}

export function isLoopback(address: string): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

/** Names this machine answers to on its own: a Host header with any other name is a DNS-rebinding attempt. */
export function ownHostNames(extra: readonly string[] = []): Set<string> {
  const names = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);
  const machine = hostname().toLowerCase();
  names.add(machine);
  names.add(`${machine}.local`);
  for (const list of Object.values(networkInterfaces())) {
    for (const address of list ?? []) {
      names.add(address.family === 'IPv6' ? `[${address.address}]` : address.address);
    }
  }
  for (const name of extra) names.add(name.toLowerCase());
  return names;
}

/** The host name of a Host header or an origin's host (`name:port`, `[v6]:port`), lower case, without the port. */
export function hostNameOf(host: string): string {
  const lower = host.toLowerCase();
  if (lower.startsWith('[')) return lower.slice(0, lower.indexOf(']') + 1);
  const colon = lower.lastIndexOf(':');
  return colon === -1 ? lower : lower.slice(0, colon);
}

/** A request a proxy forwarded: the peer address is the proxy's, not the client's. */
export function cameThroughProxy(headers: IncomingHttpHeaders): boolean {
  return Object.keys(headers).some((name) => name === 'forwarded' || name.startsWith('x-forwarded-') || name === 'via');
}

/**
 * Whether a browser page from `origin` may open a socket to this hub. Programs send no Origin and are let through
 * (devices authenticate with their token). A page must be the hub's own (same host, under a name the hub answers to),
 * one of the Electron shells, or listed by the admin.
 */
export function originAllowed(
  origin: string | undefined,
  host: string | undefined,
  policy: OriginPolicy,
  hostNames: Set<string>,
): boolean {
  if (origin === undefined) return true;
  if (origin === SHELL_ORIGIN || policy.allowedOrigins.includes(origin)) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  return host !== undefined && url.host === host.toLowerCase() && hostNames.has(hostNameOf(host));
}
