import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkedPost, TargetRefusedError, type ResolveAll } from './checkedPost.js';

/** A resolver that answers what the test says, as an attacker's DNS server would. */
function resolverAnswering(addresses: string[]): ResolveAll {
  return (_hostname, callback) =>
    callback(
      null,
      addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
    );
}

describe('checkedPost: where a webhook delivery may connect', () => {
  let server: Server;
  let port = 0;
  let hits = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      hits++;
      req.resume();
      req.on('end', () => res.writeHead(req.url === '/moved' ? 307 : 200, { Location: 'http://127.0.0.1:9/x' }).end());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => server.close());

  const strict = { allowPrivate: false, allowLoopback: false };

  it('refuses a name that resolves to loopback at connect time (DNS rebinding), sending nothing', async () => {
    const before = hits;
    const attempt = checkedPost(
      `http://gateway.example:${port}/`,
      {},
      '{}',
      strict,
      5_000,
      resolverAnswering(['127.0.0.1']),
    );
    await expect(attempt).rejects.toBeInstanceOf(TargetRefusedError);
    await expect(attempt).rejects.toMatchObject({ refusal: 'loopback' });
    // One refused address among public ones is enough to refuse the name.
    await expect(
      checkedPost(
        `http://gateway.example:${port}/`,
        {},
        '{}',
        strict,
        5_000,
        resolverAnswering(['203.113.131.1', '127.0.0.1']),
      ),
    ).rejects.toMatchObject({ refusal: 'loopback' });
    expect(hits).toBe(before);
  });

  it('connects to the address it checked, and never follows a redirect', async () => {
    const local = { allowPrivate: false, allowLoopback: true };
    const resolver = resolverAnswering(['127.0.0.1']);
    expect(await checkedPost(`http://gateway.example:${port}/ok`, {}, '{}', local, 5_000, resolver)).toEqual({
      status: 200,
      location: 'http://127.0.0.1:9/x',
    });
    const before = hits;
    expect(await checkedPost(`http://gateway.example:${port}/moved`, {}, '{}', local, 5_000, resolver)).toMatchObject({
      status: 307,
    });
    expect(hits).toBe(before + 1);
  });

  it('refuses an address literal before opening a socket', async () => {
    await expect(checkedPost(`http://127.0.0.1:${port}/`, {}, '{}', strict, 5_000)).rejects.toMatchObject({
      refusal: 'loopback',
    });
    await expect(checkedPost('http://169.254.169.254/latest', {}, '{}', strict, 5_000)).rejects.toMatchObject({
      refusal: 'metadata',
    });
  });
});
