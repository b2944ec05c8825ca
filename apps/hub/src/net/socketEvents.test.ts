import { clientEventNames } from '@motcua/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../../../e2e/support/hubProcess.js';
import { startHub, type RunningHub } from '../hub.js';
import { parseHubOptions } from '../options.js';

/** Socket.IO's own names, not messages of our protocol. */
const RESERVED = new Set(['disconnect', 'disconnecting', 'error']);

describe('the socket events a hub answers', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'motcua-socket-events-'));
  let hub: RunningHub;
  let client: Socket;

  beforeAll(async () => {
    const args = ['--port', '0', '--host', '127.0.0.1', '--data', dataDir, '--no-mdns', '--log-level', 'silent'];
    hub = await startHub(parseHubOptions(args, {}));
    client = connectSocket(hub.url, { transports: ['websocket'] });
    await waitFor(() => hub.io.sockets.sockets.size === 1, 20_000, 'the connection on the hub');
  });

  afterAll(async () => {
    client.close();
    await hub.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("are exactly core's protocol map, features included: an event outside ClientToHubEvents has no handler", () => {
    const socket = [...hub.io.sockets.sockets.values()][0]!;
    const handled = socket.eventNames().filter((name) => typeof name === 'string' && !RESERVED.has(name));
    expect([...handled].sort()).toEqual([...clientEventNames].sort());
  });
});
