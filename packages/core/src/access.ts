import type { ActorRole } from './actors.js';
import type { DomainError } from './errors.js';
import { domainError } from './errors.js';

/**
 * Who may call each HTTP route of the hub, in the shape of `commandRoles` (actors.ts) so the two
 * tables can become one. A request's role is its bearer session's user role, or "none".
 * The hub's single guard and the route × role test read this table; a route missing here does not start.
 */
const everyone: readonly ActorRole[] = [
  'none',
  'kiosk',
  'counter',
  'display',
  'rating',
  'clerk',
  'supervisor',
  'admin',
  'system',
];
const staff: readonly ActorRole[] = ['clerk', 'supervisor', 'admin', 'system'];
const managers: readonly ActorRole[] = ['supervisor', 'admin', 'system'];
const admins: readonly ActorRole[] = ['admin', 'system'];

export const httpRouteRoles = {
  /** Liveness for supervisors (systemd, a monitor): seq, service day, store health. */
  'GET /healthz': everyone,
  /** `?hash=1`: the hash of the whole state costs CPU, so only for signed-in staff. */
  'GET /healthz?hash=1': staff,
  'GET /': everyone,
  'GET /kiosk/*': everyone,
  'GET /counter/*': everyone,
  'GET /display/*': everyone,
  'GET /admin/*': everyone,
  'GET /citizen/*': everyone,
  'GET /book/*': everyone,
  'GET /t/:token': everyone,
  'GET /voice/default/*': everyone,
  'GET /voice/office/*': everyone,
  'GET /api/appointments/services': everyone,
  'GET /api/appointments/slots': everyone,
  'POST /api/appointments': everyone,
  'GET /api/appointments/code/:code': everyone,
  'POST /api/appointments/cancel': everyone,
  'GET /api/appointments/report': managers,
  'GET /api/reports/summary': managers,
  'GET /api/reports/export.xlsx': managers,
  'GET /api/reports/export.csv': managers,
  'GET /api/reports/dossiers.json': managers,
  'GET /api/reports/dossiers.csv': managers,
  'GET /api/reports/dossiers.xlsx': managers,
  /** The periodic report in the province's terms (docs/periodic-report.md). */
  'GET /api/reports/periodic.xlsx': managers,
  'GET /api/audit': managers,
  /** Failed and throttled sign-ins. */
  'GET /api/audit/sign-ins': managers,
  'GET /api/voice/office': managers,
  'PUT /api/voice/office/clip': admins,
  'DELETE /api/voice/office/clip': admins,
  'GET /api/backup': admins,
  'GET /api/backups': admins,
  'POST /api/printers/test': admins,
  /** The base of the ticket QR's status link and why phones may not open it. */
  'GET /api/status-link': managers,
  /** The office's link to the province's central service. */
  'GET /api/central/status': managers,
  /** Only registered when the hub runs with --test-clock. */
  'POST /__test__/clock': everyone,
} as const satisfies Record<string, readonly ActorRole[]>;

export type HttpRouteKey = keyof typeof httpRouteRoles;
export const httpRouteKeys = Object.keys(httpRouteRoles) as HttpRouteKey[];

export function isHttpRouteKey(key: string): key is HttpRouteKey {
  return Object.hasOwn(httpRouteRoles, key);
}

/** Whether this role may call this route: null, or the refusal (401 for "none", 403 otherwise). */
export function authorizeHttp(key: HttpRouteKey, role: ActorRole): DomainError | null {
  const allowed: readonly ActorRole[] = httpRouteRoles[key];
  if (allowed.includes(role)) return null;
  return domainError(role === 'none' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
}
