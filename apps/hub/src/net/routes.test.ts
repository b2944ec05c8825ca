import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerRoutes } from './httpServer.js';
import { defineRoute, fileRoute, jsonRoute } from './routes.js';

const nobody = () => ({ role: 'none' as const, user: null });

describe('routes typed by core’s httpRoutes', () => {
  it('takes method, URL and schemas from core’s line', () => {
    const route = jsonRoute('GET /api/audit', { handler: () => ({ ok: true, entries: [], nextBefore: null }) });
    expect(route).toMatchObject({ method: 'GET', url: '/api/audit', typedJson: true });
    expect(route.query?.parse({})).toEqual({ limit: 100 });
  });

  it('does not compile a reply, a key or a kind that core does not declare', () => {
    // Checked by tsc (npm run lint), never run: the unknown key would not start.
    const wrongDeclarations = () => [
      // @ts-expect-error the backups reply without its list and settings
      jsonRoute('GET /api/backups', { handler: () => ({ ok: true }) }),
      // @ts-expect-error a route core's table does not have
      jsonRoute('GET /api/nothing', { handler: () => ({ ok: true }) }),
      // @ts-expect-error a download is not a JSON route
      jsonRoute('GET /api/backup', { handler: () => ({ ok: true }) }),
      // @ts-expect-error a JSON route is not a file route
      fileRoute('GET /api/backups', { handler: () => null }),
    ];
    expect(wrongDeclarations).toBeTypeOf('function');
  });

  it('refuses to start a JSON route declared without its types', async () => {
    const app = Fastify();
    const untyped = defineRoute({ method: 'GET', url: '/api/backups', handler: () => ({ ok: true }) });
    expect(() => registerRoutes(app, [untyped], nobody)).toThrow(/jsonRoute/);
    await app.close();
  });
});
