import { targetAddressRefusal, targetUrlRefusal, type TargetPolicy, type TargetRefusal } from '@motcua/core';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';

/** A request refused before anything was sent, because of where it would have gone. */
export class TargetRefusedError extends Error {
  constructor(
    readonly refusal: TargetRefusal,
    readonly address: string,
  ) {
    super(`target refused (${refusal}): ${address}`);
    this.name = 'TargetRefusedError';
  }
}

export type ResolveAll = (
  hostname: string,
  callback: (error: Error | null, addresses: LookupAddress[]) => void,
) => void;

const resolveWithDns: ResolveAll = (hostname, callback) => dnsLookup(hostname, { all: true }, callback);

/**
 * A `lookup` for sockets that refuses a name when any of its addresses is refused, and connects to the
 * address it checked: the name cannot resolve to a public address for the check and to 127.0.0.1 for the
 * connection (DNS rebinding).
 */
export function checkedLookup(policy: TargetPolicy, resolveAll: ResolveAll = resolveWithDns): LookupFunction {
  return (hostname, options, callback) => {
    resolveAll(hostname, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const wanted = options.family === 4 || options.family === 6 ? options.family : null;
      const usable = addresses.filter((a) => wanted === null || a.family === wanted);
      for (const { address } of usable) {
        const refusal = targetAddressRefusal(address, policy);
        if (refusal) return callback(new TargetRefusedError(refusal, `${hostname} → ${address}`), '', 0);
      }
      const first = usable[0];
      if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
      if (options.all) return callback(null, usable);
      callback(null, first.address, first.family);
    });
  };
}

/** Resolves a URL's host now and names the first refused address (the admin's save; deliveries check again). */
export function refusalOfUrl(
  url: string,
  policy: TargetPolicy,
  resolveAll: ResolveAll = resolveWithDns,
): Promise<TargetRefusal | null> {
  const literal = targetUrlRefusal(url, policy);
  if (literal) return Promise.resolve(literal);
  const hostname = new URL(url).hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve) => {
    resolveAll(hostname, (error, addresses) => {
      // A name that does not resolve now is not refused here: every delivery resolves and checks it again.
      if (error) return resolve(null);
      for (const { address } of addresses) {
        const refusal = targetAddressRefusal(address, policy);
        if (refusal) return resolve(refusal);
      }
      resolve(null);
    });
  });
}

export interface PostOutcome {
  status: number;
  /** The Location of a 3xx answer, which is never followed. */
  location: string | null;
}

/**
 * POSTs `body` to `url` after checking where it goes: an address literal before connecting, a name in the
 * socket's own lookup. Redirects are not followed (the 3xx comes back as the outcome), so a receiver cannot
 * send the hub to its own routes.
 */
export function checkedPost(
  url: string,
  headers: Record<string, string>,
  body: string,
  policy: TargetPolicy,
  timeoutMs: number,
  resolveAll: ResolveAll = resolveWithDns,
): Promise<PostOutcome> {
  const literal = targetUrlRefusal(url, policy);
  if (literal) return Promise.reject(new TargetRefusedError(literal, new URL(url).hostname));
  const target = new URL(url);
  const options: RequestOptions = {
    method: 'POST',
    headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
    lookup: checkedLookup(policy, resolveAll),
    signal: AbortSignal.timeout(timeoutMs),
    // One request per delivery: a pooled socket would skip the next delivery's address check.
    agent: false,
  };
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(target, options, (response) => {
      response.resume();
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, location: response.headers.location ?? null }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}
