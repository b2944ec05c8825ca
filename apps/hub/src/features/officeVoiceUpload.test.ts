import { request } from 'node:http';
import { CLIP_TOO_LARGE, MAX_CLIP_BYTES } from '@motcua/core';
import { HubClient, memoryTokenStore } from '@motcua/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPasswordFrom, signInAsAdmin } from '../../../../e2e/support/clients.js';
import { startHubProcess, waitFor, type HubProcess } from '../../../../e2e/support/hubProcess.js';

/**
 * Every way an office voice upload can be too big gets one Vietnamese answer from a real hub: a file just
 * over 1 MB, a body the JSON schema refuses, a body over the route's limit, and a 40 MB body (which used
 * to reset the connection). The hub stays up and nothing is saved.
 */
describe('office voice upload size limits (real hub)', () => {
  let hub: HubProcess;
  let admin: HubClient;
  let token: string;

  beforeAll(async () => {
    hub = await startHubProcess();
    admin = new HubClient({ url: hub.url, storage: memoryTokenStore(), requestTimeoutMs: 8000 }).connect();
    await waitFor(() => admin.getSnapshot().connection === 'online', 20_000, 'admin online');
    const signIn = await signInAsAdmin(admin, adminPasswordFrom(hub.output()));
    if (!signIn.ok) throw new Error(signIn.code);
    token = signIn.sessionToken;
  }, 60_000);

  afterAll(async () => {
    admin?.close();
    await hub?.stop();
    hub?.cleanup();
  });

  /** PUT with node:http so a reply sent before the whole body is read is still seen. */
  function put(body: Buffer): Promise<{ status: number; json: { ok: boolean; details?: { issue?: string } } }> {
    const url = new URL('/api/voice/office/clip', hub.url);
    return new Promise((resolve, reject) => {
      const req = request(
        url,
        {
          method: 'PUT',
          headers: {
            'Content-Type': 'application/json',
            'Content-Length': body.length,
            Authorization: `Bearer ${token}`,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) as never }),
          );
        },
      );
      // The hub may answer and close while we are still sending a huge body: that is expected, but a
      // connection that ends with no answer at all fails the test at once instead of hanging it.
      let answered = false;
      req.on('response', () => (answered = true));
      req.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
      });
      req.on('close', () => {
        if (!answered) reject(new Error(`no answer to a ${body.length}-byte upload: the connection was reset`));
      });
      req.end(body);
    });
  }

  const uploadOf = (rawBytes: number) => {
    const audio = Buffer.alloc(rawBytes);
    audio.write('OggS', 0, 'latin1');
    return Buffer.from(JSON.stringify({ id: 'chime', text: 'Chuông', data: audio.toString('base64') }));
  };

  it('answers the same Vietnamese message for 1 MB + 1, 1.18 MiB, 1.6 MiB and 40 MB, and saves nothing', async () => {
    const sizes = [MAX_CLIP_BYTES + 1, Math.round(1.18 * 1024 * 1024), Math.round(1.6 * 1024 * 1024)];
    const bodies = [...sizes.map(uploadOf), Buffer.alloc(40 * 1024 * 1024, 0x20)];
    for (const body of bodies) {
      const { status, json } = await put(body);
      expect([400, 413], `${body.length} bytes`).toContain(status);
      expect(json.ok).toBe(false);
      expect(json.details?.issue, `${body.length} bytes`).toContain(CLIP_TOO_LARGE.vi);
    }
    const list = await fetch(`${hub.url}/api/voice/office`, { headers: { Authorization: `Bearer ${token}` } });
    expect(((await list.json()) as { clips: object }).clips).toEqual({});
    expect((await fetch(`${hub.url}/healthz`)).status).toBe(200);
  }, 120_000);
});
