import { describe, expect, it } from 'vitest';
import { httpRouteKeys } from './access.js';
import { bookRequestSchema, httpRequestOf, httpRoutes } from './httpProtocol.js';

describe('httpRoutes', () => {
  it('has a line for every route of httpRouteRoles and no other', () => {
    expect(Object.keys(httpRoutes).sort()).toEqual([...httpRouteKeys].sort());
  });

  it('builds the same requests the apps sent by hand', () => {
    expect(
      httpRequestOf('GET /api/appointments/slots', { query: { serviceId: 'khai-sinh', day: '2026-12-05' } }),
    ).toEqual({ method: 'GET', path: '/api/appointments/slots?serviceId=khai-sinh&day=2026-12-05' });
    expect(httpRequestOf('GET /api/appointments/code/:code', { params: { code: 'AB CD/2' } })).toEqual({
      method: 'GET',
      path: '/api/appointments/code/AB%20CD%2F2',
    });
    expect(httpRequestOf('POST /api/appointments/cancel', { body: { code: 'ABCD2345' } })).toEqual({
      method: 'POST',
      path: '/api/appointments/cancel',
      body: '{"code":"ABCD2345"}',
    });
    // Filters left empty are not sent; a route whose URL has a query already gets "&".
    expect(httpRequestOf('GET /api/audit', { query: { limit: 100, actor: undefined, type: 'config.' } })).toEqual({
      method: 'GET',
      path: '/api/audit?limit=100&type=config.',
    });
    expect(httpRequestOf('GET /healthz?hash=1', {})).toEqual({ method: 'GET', path: '/healthz?hash=1' });
    expect(httpRequestOf('DELETE /api/voice/office/clip', { query: { id: 'chime' } })).toEqual({
      method: 'DELETE',
      path: '/api/voice/office/clip?id=chime',
    });
  });

  it('validates the booking as the hub did (defaults, strictness)', () => {
    expect(bookRequestSchema.parse({ serviceId: 'khai-sinh', day: '2026-12-05', slot: '08:30' })).toEqual({
      serviceId: 'khai-sinh',
      day: '2026-12-05',
      slot: '08:30',
      name: '',
      phone: '',
    });
    expect(
      bookRequestSchema.safeParse({ serviceId: 'khai-sinh', day: '2026-12-05', slot: '08:30', x: 1 }).success,
    ).toBe(false);
  });
});
