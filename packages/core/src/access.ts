import type { CommandType } from './commands.js';
import type { DomainError } from './errors.js';
import { domainError } from './errors.js';
import type { DeviceKind, Role } from './schemas.js';

/**
 * The one table of who may do what on a hub (`accessTable` below): which role may send each command, send each
 * socket event and call each HTTP route. The hub's single guard reads it for every socket event and HTTP request
 * (and core's `authorize` for every command); the role-matrix tests in e2e/security.*.test.ts iterate it against
 * a real hub and a matrix written out by hand.
 */

/** The roles of the role matrix, as docs/protocol.md and the security tests name them. */
export type ActorRole = 'system' | 'none' | DeviceKind | Role;

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

/** Which roles may send each command; the counter and ticket checks come after. */
export const commandRoles: Record<CommandType, readonly ActorRole[]> = {
  'ticket.issue': ['kiosk', 'admin', 'supervisor', 'system'],
  'ticket.callNext': ['clerk'],
  'ticket.callChosen': ['clerk'],
  'ticket.recall': ['clerk'],
  'ticket.start': ['clerk'],
  'ticket.finish': ['clerk'],
  'ticket.noShow': ['clerk'],
  'ticket.attachDossier': ['clerk'],
  'ticket.park': ['clerk'],
  'ticket.resume': ['clerk'],
  'ticket.returnToQueue': ['clerk', 'supervisor', 'admin'],
  'ticket.transfer': ['clerk', 'supervisor', 'admin'],
  'ticket.reprint': ['kiosk'],
  'ticket.cancel': ['clerk', 'supervisor', 'admin'],
  'counter.open': ['clerk', 'supervisor', 'admin'],
  'counter.pause': ['clerk', 'supervisor', 'admin'],
  'counter.close': ['clerk', 'supervisor', 'admin'],
  'counter.assignClerk': ['system'],
  'counter.markDeviceLost': ['system'],
  'counter.markDeviceBack': ['system'],
  'rating.submit': ['rating'],
  'rating.amend': ['rating'],
  // A display sends no commands: it only shows and reads out what the hub sends.
  'alert.raise': ['kiosk', 'counter', 'rating', 'clerk', 'supervisor', 'admin', 'system'],
  'alert.clear': ['clerk', 'supervisor', 'admin'],
  'day.close': ['admin', 'system'],
  'config.setOffice': ['admin', 'system'],
  'config.upsertField': ['admin', 'system'],
  'config.removeField': ['admin', 'system'],
  'config.upsertService': ['admin', 'system'],
  'config.removeService': ['admin', 'system'],
  'config.upsertCounter': ['admin', 'system'],
  'config.removeCounter': ['admin', 'system'],
  'config.upsertUser': ['admin', 'system'],
  'config.upsertDevice': ['admin', 'system'],
  'config.upsertPrinterProfile': ['admin', 'system'],
  'config.removePrinterProfile': ['admin', 'system'],
  'config.setPriorityPolicy': ['admin', 'system'],
  'config.setDisplay': ['admin', 'system'],
  'config.setKiosk': ['admin', 'system'],
  'config.setProcedureInfo': ['admin', 'system'],
  'config.setRatingMethod': ['admin', 'system'],
  'appointment.book': ['system'],
  'appointment.cancel': ['system', 'supervisor', 'admin'],
  'appointment.checkIn': ['kiosk', 'supervisor', 'admin', 'system'],
  'appointment.release': ['system'],
  'config.setAppointments': ['admin', 'system'],
};

/**
 * Who may send each socket event (`ClientToHubEvents`; protocol.ts checks that every event has its line). The
 * socket's role is its signed-in user's, else its paired device's kind, else "none". `command` is open here:
 * each command's own line above decides. `hello`, `pair.request`, `session.*` and `ticketStatus.watch` are how
 * a socket becomes someone (or follows one ticket by its secret link), so anyone may send them.
 */
export const socketEventRoles = {
  hello: everyone,
  sync: ['kiosk', 'counter', 'display', 'rating', 'clerk', 'supervisor', 'admin', 'system'],
  command: everyone,
  'pair.request': everyone,
  'session.signIn': everyone,
  'session.signOut': everyone,
  /** Also the way out of a one-time password, whose session is nobody until it is changed. */
  'session.changePassword': everyone,
  'device.approve': admins,
  'device.list': managers,
  'user.setPin': admins,
  'print.ticket': ['kiosk'],
  'print.preview': ['kiosk'],
  'appointment.checkIn': commandRoles['appointment.checkIn'],
  'ticketStatus.watch': everyone,
  'dossier.lookup': ['kiosk', 'clerk', 'supervisor', 'admin'],
  'webhooks.get': admins,
  'webhooks.set': admins,
  'webhooks.deliveries': admins,
  'idCard.holder': ['kiosk'],
} as const satisfies Record<string, readonly ActorRole[]>;

export type SocketEventKey = keyof typeof socketEventRoles;

/** Whether this role may send this socket event: null, or the refusal (UNAUTHENTICATED for "none", else FORBIDDEN). */
export function authorizeSocketEvent(event: SocketEventKey, role: ActorRole): DomainError | null {
  const allowed: readonly ActorRole[] = socketEventRoles[event];
  if (allowed.includes(role)) return null;
  return domainError(role === 'none' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
}

/**
 * Who may call each HTTP route of the hub. A request's role is its bearer session's user role, or "none"
 * (devices carry no HTTP credential). A route missing here does not start.
 */
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

/** The whole table in one value: commands, socket events, HTTP routes. */
export const accessTable = {
  commands: commandRoles,
  socketEvents: socketEventRoles,
  httpRoutes: httpRouteRoles,
} as const;
