import { ticketById } from './ticketReads.js';
import { z } from 'zod';
import type { SocketEventKey } from './access.js';
import type { Actor } from './actors.js';
import type { Command, CommandInput } from './commands.js';
import type { DomainError, ErrorCode } from './errors.js';
import type { DomainEvent, EventEnvelope } from './events.js';
import type { HolderRequest } from './idCard.js';
import type { Appointment, DeviceKind, LocalizedName, Role, Ticket, TicketStatus, User } from './schemas.js';
import { deviceKindSchema, dossierCodeSchema, idSchema } from './schemas.js';
import { countersServing, estimatedWaitMinutes, ticketsAhead } from './selectors.js';
import type { QueueState } from './state.js';
import type {
  PrintJobUpdate,
  PrintPreviewReply,
  PrintPreviewRequest,
  PrintReply,
  PrintTicketRequest,
} from './ticketPrintout.js';
import type { WebhookDelivery } from './webhookDelivery.js';
import type { WebhookSettings, WebhookSettingsUpdateRequest } from './webhookSettings.js';

/** Bumped when a change is not additive. Sent in `hello`. */
export const PROTOCOL_VERSION = 1;

/** A hub answers `hello` with the missing events when the gap is at most this long, else with a snapshot. */
export const MAX_CATCH_UP_EVENTS = 500;

const token = z.string().min(16).max(200);

/**
 * The Socket.IO handshake's `auth` object: what a client can do, told before its first message. A hub that does not
 * know a field ignores it, so a newer client still talks to an older hub. Anything else there (or nothing) means
 * the defaults.
 */
export const clientHandshakeSchema = z.object({
  /** Receive `events` (one message per commit) instead of one `event` per event. */
  eventBatches: z.boolean().default(false),
});
export type ClientHandshake = z.output<typeof clientHandshakeSchema>;

/** The handshake's capabilities; a malformed `auth` gets the defaults (it changes how events arrive, nothing else). */
export function clientHandshakeOf(auth: unknown): ClientHandshake {
  const parsed = clientHandshakeSchema.safeParse(auth ?? {});
  return parsed.success ? parsed.data : { eventBatches: false };
}

export const helloRequestSchema = z.strictObject({
  protocol: z.literal(PROTOCOL_VERSION),
  deviceToken: token.nullable().default(null),
  sessionToken: token.nullable().default(null),
  /** The last seq this client has applied; 0 when it has nothing. */
  lastSeq: z.number().int().min(0),
  /** The hub instance the client last synced with; a different one forces a snapshot. */
  hubId: z.string().max(64).nullable().default(null),
});
export type HelloRequest = z.input<typeof helloRequestSchema>;

/** The request of an event that takes nothing (`session.signOut`, `device.list`, `webhooks.get` …). */
export const emptyRequestSchema = z.strictObject({});

export const syncRequestSchema = z.strictObject({
  lastSeq: z.number().int().min(0),
  hubId: z.string().max(64).nullable().default(null),
});
export type SyncRequest = z.input<typeof syncRequestSchema>;

export const commandRequestSchema = z.strictObject({
  /** Made by the client once per user action and reused on every retry of it. */
  requestId: z.string().min(8).max(64),
  command: z.record(z.string(), z.unknown()),
});
export type CommandRequest = { requestId: string; command: CommandInput };

export const pairRequestSchema = z.strictObject({
  kind: deviceKindSchema,
  name: z.string().trim().min(1).max(120),
  /** The counter a counter or rating device stands at, if known; the admin may change it. */
  counterId: idSchema.nullable().default(null),
});
export type PairRequest = z.input<typeof pairRequestSchema>;

/** Admins and supervisors sign in with a password of at least this many characters; clerks keep a short PIN. */
export const STAFF_PASSWORD_MIN_LENGTH = 10;
const secret = z.string().min(4).max(128);

export const signInRequestSchema = z.strictObject({
  username: z.string().trim().min(1).max(40),
  /** A clerk's PIN, or an admin's or supervisor's password. */
  pin: secret,
  counterId: idSchema.nullable().default(null),
  /** The clerk confirmed leaving the counter they work at; without it that sign-in is refused with CLERK_AT_OTHER_COUNTER. */
  moveFromOtherCounter: z.boolean().default(false),
});
export type SignInRequest = z.input<typeof signInRequestSchema>;

export type SyncPayload =
  | { kind: 'events'; hubId: string; events: EventEnvelope[] }
  /**
   * The whole state as UTF-8 JSON in a binary attachment: the hub serializes it once per seq and sends the
   * same bytes to every client that needs it (a reconnect storm does not serialize it a thousand times).
   */
  | { kind: 'snapshot'; hubId: string; stateJson: Uint8Array | ArrayBuffer };

export interface ErrorReply {
  ok: false;
  code: ErrorCode;
  message: string;
  details?: DomainError['details'];
}

/** The hub's answer to `appointment.checkIn` (a booking's code typed or scanned at the kiosk). */
export type CheckInReply =
  | {
      ok: true;
      ticket: Ticket;
      ahead: number;
      etaMinutes: number;
      arrival: 'onTime' | 'late';
      slot: string;
      statusUrl: string;
    }
  | { ok: false; code: ErrorCode; message: string; messageEn?: string; details?: Record<string, unknown> };

export interface Identity {
  actor: Actor;
  device: { id: string; kind: DeviceKind; name: string; counterId: string | null } | null;
  user: User | null;
  counterId: string | null;
  /**
   * Signed in with a one-time password: nothing is allowed (and `actor` is not the user) until
   * `session.changePassword` sets a new one.
   */
  mustChangePassword: boolean;
}

/** `sync` is null for a connection that has not paired or signed in: it sees nothing of the queue. */
export type HelloReply = { ok: true; identity: Identity; hubTime: number; sync: SyncPayload | null } | ErrorReply;
export type SyncReply = ({ ok: true } & { sync: SyncPayload }) | ErrorReply;
/**
 * `deviceToken` is the device's secret from now on; it works in `hello` once an admin approves the
 * pairing code (at once when `approved`).
 */
export type PairReply =
  { ok: true; deviceId: string; pairingCode: string; deviceToken: string; approved: boolean } | ErrorReply;

export const approveDeviceSchema = z.strictObject({
  pairingCode: z.string().regex(/^\d{6}$/),
  name: z.string().trim().min(1).max(120).nullable().default(null),
  counterId: idSchema.nullable().default(null),
  printerProfileId: idSchema.nullable().default(null),
  /**
   * The paired device this pairing replaces (a re-pair after lost storage, or a new machine in its place): the
   * new one takes over its name, counter and printer unless given here, and the old one is revoked and listed as
   * replaced instead of as a second row.
   */
  replacesDeviceId: idSchema.nullable().default(null),
});
export type ApproveDeviceRequest = z.input<typeof approveDeviceSchema>;

/** A clerk's PIN: 4–12 letters or digits (it works only from the clerk's paired counter device). */
export const clerkPinSchema = z.string().regex(/^[0-9A-Za-z]{4,12}$/);

/** Whether `secret` may become the PIN or password of a user with this role; the refusal to show if not. */
export function credentialProblem(role: Role, secret: string): 'WEAK_PASSWORD' | 'BAD_REQUEST' | null {
  if (role === 'clerk') return clerkPinSchema.safeParse(secret).success ? null : 'BAD_REQUEST';
  return secret.length >= STAFF_PASSWORD_MIN_LENGTH ? null : 'WEAK_PASSWORD';
}

export const setPinSchema = z.strictObject({ userId: idSchema, pin: secret });
export type SetPinRequest = z.input<typeof setPinSchema>;

export const changePasswordSchema = z.strictObject({ currentPassword: secret, newPassword: secret });
export type ChangePasswordRequest = z.input<typeof changePasswordSchema>;

export interface PairingRecord {
  deviceId: string;
  kind: DeviceKind;
  name: string;
  pairingCode: string;
  status: 'pending' | 'approved' | 'revoked';
  createdAt: number;
  lastSeenAt: number | null;
  /** A pending pairing's code stops working at this time (the admin page shows it ageing out). */
  expiresAt: number | null;
  /** Connected to the hub right now. */
  online: boolean;
  /** The device that took this one's place (`device.approve { replacesDeviceId }`); it is revoked. */
  replacedBy: string | null;
}
export type SignInReply =
  { ok: true; sessionToken: string; user: User; counterId: string | null; mustChangePassword: boolean } | ErrorReply;
export type SimpleReply = { ok: true } | ErrorReply;

/** What an accepted command answers with, besides its events. */
export interface CommandResult {
  seq: number;
  events: DomainEvent['type'][];
  ticket?: Ticket;
  /** The ticket's live status link (QR content), added by the hub for the one who issued it. */
  statusUrl?: string;
  ahead?: number;
  etaMinutes?: number;
  /** True when no counter with a clerk serves the ticket's service: the wait cannot be promised. */
  noCounterOpen?: boolean;
  /** The booking an `appointment.*` command created or changed. */
  appointment?: Appointment;
}
export type CommandReply = { ok: true; result: CommandResult } | ErrorReply;

/** The ack of a command, computed from the state after its events were applied. */
export function commandResult(state: QueueState, command: Command, events: DomainEvent[]): CommandResult {
  const result: CommandResult = { seq: state.seq, events: events.map((e) => e.type) };
  const ticketEvent = events.find(
    (e) => e.type === 'ticket.issued' || e.type === 'ticket.called' || e.type === 'ticket.reprinted',
  );
  const ticketId =
    ticketEvent?.type === 'ticket.issued'
      ? ticketEvent.ticket.id
      : ticketEvent?.type === 'ticket.called' || ticketEvent?.type === 'ticket.reprinted'
        ? ticketEvent.ticketId
        : undefined;
  const ticket = ticketId ? ticketById(state, ticketId) : undefined;
  if (ticket) {
    result.ticket = ticket;
    if (command.type === 'ticket.issue' || command.type === 'appointment.checkIn') {
      result.ahead = ticketsAhead(state, ticket.id);
      result.etaMinutes = estimatedWaitMinutes(state, ticket.serviceId, result.ahead);
      result.noCounterOpen = countersServing(state, ticket.serviceId).length === 0;
    }
  }
  const appointmentId = 'appointmentId' in command ? command.appointmentId : undefined;
  const appointment = appointmentId ? state.appointments?.[appointmentId] : undefined;
  if (appointment) result.appointment = appointment;
  return result;
}

/** `appointment.checkIn`: a booking's code typed or scanned at the kiosk (or by staff). */
export const checkInRequestSchema = z.strictObject({
  /** What the citizen typed or the scanner sent: the code, or the booking link of the QR. */
  code: z.string().min(1).max(300),
  /** Kept for every retry of one check-in, so a lost answer never issues two tickets. */
  requestId: z.string().min(8).max(64).optional(),
});
export type CheckInRequest = z.input<typeof checkInRequestSchema>;

/** `ticketStatus.watch`: the citizen's phone follows one ticket by its status link's token. */
export const ticketStatusWatchSchema = z.strictObject({ token: z.string().min(10).max(100) });
export type TicketStatusWatchRequest = z.input<typeof ticketStatusWatchSchema>;

/** `dossier.lookup`: what a scanned or typed dossier code was filed for. */
export const dossierLookupSchema = z.strictObject({ dossierCode: dossierCodeSchema });
export type DossierLookupRequest = z.input<typeof dossierLookupSchema>;

/** What the kiosk shows for a dossier code: the procedure it was filed for and when, or nothing known. */
export interface DossierLookup {
  dossierCode: string;
  filed: { serviceId: string; serviceName: LocalizedName; serviceDay: string } | null;
}
export type DossierLookupReply = ({ ok: true } & DossierLookup) | ErrorReply;

/** The webhook settings as the admin page sees them: the secret is write-only. */
export type WebhookSettingsView = Omit<WebhookSettings, 'secret'>;
export type WebhooksGetReply = { ok: true; settings: WebhookSettingsView | null } | ErrorReply;
export type WebhookDeliveriesReply = { ok: true; deliveries: WebhookDelivery[] } | ErrorReply;

/** Socket.IO events a client sends, each with an ack. */
export interface ClientToHubEvents {
  hello: (request: HelloRequest, ack: (reply: HelloReply) => void) => void;
  sync: (request: SyncRequest, ack: (reply: SyncReply) => void) => void;
  command: (request: CommandRequest, ack: (reply: CommandReply) => void) => void;
  'pair.request': (request: PairRequest, ack: (reply: PairReply) => void) => void;
  'session.signIn': (request: SignInRequest, ack: (reply: SignInReply) => void) => void;
  /** Ends this session on every socket that uses it. */
  'session.signOut': (request: Record<string, never>, ack: (reply: SimpleReply) => void) => void;
  /** The signed-in user replaces their own password (required after a one-time password); other sessions end. */
  'session.changePassword': (request: ChangePasswordRequest, ack: (reply: SimpleReply) => void) => void;
  /** Admin: approve a device by the code it shows. */
  'device.approve': (request: ApproveDeviceRequest, ack: (reply: SimpleReply & { deviceId?: string }) => void) => void;
  /** Admin: devices that paired or wait for approval. */
  'device.list': (
    request: Record<string, never>,
    ack: (reply: { ok: true; devices: PairingRecord[] } | ErrorReply) => void,
  ) => void;
  /** Admin: set or reset a user's PIN (stored hashed, never in an event). */
  'user.setPin': (request: SetPinRequest, ack: (reply: SimpleReply) => void) => void;
  /** Kiosk: print an issued ticket on its printer; the job's steps come as `print.job` pushes. */
  'print.ticket': (request: PrintTicketRequest, ack: (reply: PrintReply) => void) => void;
  /** Kiosk: the ticket's slip as an image, for the screen. */
  'print.preview': (request: PrintPreviewRequest, ack: (reply: PrintPreviewReply) => void) => void;
  /** Kiosk or staff: a booking becomes a ticket in the queue. */
  'appointment.checkIn': (request: CheckInRequest, ack: (reply: CheckInReply) => void) => void;
  /** Anyone with a ticket's status token: its view now, then `ticketStatus.update` on every change. */
  'ticketStatus.watch': (request: TicketStatusWatchRequest, ack: (reply: TicketStatusReply) => void) => void;
  /** Kiosk or staff: what a dossier code was filed for. */
  'dossier.lookup': (request: DossierLookupRequest, ack: (reply: DossierLookupReply) => void) => void;
  /** Admin: the notification webhook's settings, without the secret. */
  'webhooks.get': (request: Record<string, never>, ack: (reply: WebhooksGetReply) => void) => void;
  /** Admin: save the webhook's settings (a secret left out keeps the saved one). */
  'webhooks.set': (request: WebhookSettingsUpdateRequest, ack: (reply: SimpleReply) => void) => void;
  /** Admin: the last deliveries of the webhook outbox. */
  'webhooks.deliveries': (request: Record<string, never>, ack: (reply: WebhookDeliveriesReply) => void) => void;
  /**
   * Kiosk: the holder of a ticket it just issued, read from an ID card or VNeID QR. `stored` is false (and nothing
   * is kept) unless the office turned holder storage on; then only the name and a salted hash of the ID number.
   */
  'idCard.holder': (request: HolderRequest, ack: (reply: HolderReply) => void) => void;
}

/** Every event a client may send (the hub answers any other name with UNKNOWN_EVENT). */
export type ClientEventName = keyof ClientToHubEvents;
/** What a client sends with this event. */
export type ClientRequest<E extends ClientEventName> = Parameters<ClientToHubEvents[E]>[0];
/** What the hub answers to this event. */
export type ClientReply<E extends ClientEventName> = Parameters<Parameters<ClientToHubEvents[E]>[1]>[0];

/**
 * The names of `ClientToHubEvents` as a value, for the hub's guard and the tests. The type check below
 * fails the build when an event is added to the map and not here (or the other way round).
 */
export const clientEventNames = [
  'hello',
  'sync',
  'command',
  'pair.request',
  'session.signIn',
  'session.signOut',
  'session.changePassword',
  'device.approve',
  'device.list',
  'user.setPin',
  'print.ticket',
  'print.preview',
  'appointment.checkIn',
  'ticketStatus.watch',
  'dossier.lookup',
  'webhooks.get',
  'webhooks.set',
  'webhooks.deliveries',
  'idCard.holder',
] as const satisfies readonly ClientEventName[];
type MissingEventName = Exclude<ClientEventName, (typeof clientEventNames)[number]>;
/** A compile-time check only: its type is `true` when the list is complete, else the missing names. */
export const _everyClientEventListed: [MissingEventName] extends [never] ? true : MissingEventName = true;

/** A compile-time check only: every event has its line in core's access table (`socketEventRoles`), and no more. */
export const _everyClientEventHasRoles: [
  Exclude<ClientEventName, SocketEventKey> | Exclude<SocketEventKey, ClientEventName>,
] extends [never]
  ? true
  : Exclude<ClientEventName, SocketEventKey> | Exclude<SocketEventKey, ClientEventName> = true;

export function isClientEventName(name: string): name is ClientEventName {
  return (clientEventNames as readonly string[]).includes(name);
}

export type HolderReply = { ok: true; stored: boolean } | ErrorReply;

/** Socket.IO events the hub sends. */
export interface HubToClientEvents {
  /** One event, in seq order, to every client allowed to see it (clients that did not ask for batches). */
  event: (envelope: EventEnvelope) => void;
  /**
   * The events of one commit (every command that reached the hub in one turn of its loop), in seq order, to clients
   * that asked for batches in the handshake (`clientHandshakeSchema`): one message where `event` would send several.
   * It leaves before the replies to the commands in it, as `event` does.
   */
  events: (envelopes: EventEnvelope[]) => void;
  /** The device's pairing was approved: keep this token and send `hello` again. */
  'pair.approved': (grant: { deviceId: string; deviceToken: string }) => void;
  /**
   * `scope: 'device'`: the device's token was revoked (forget it; the socket is then disconnected).
   * `scope: 'session'`: the session ended (signed out elsewhere, expired, the user disabled, demoted or given a new
   * PIN): forget the session token; the socket continues as its device, or as nobody.
   */
  'auth.revoked': (reason: { code: ErrorCode; message: string; scope: 'device' | 'session' }) => void;
  /**
   * The hub is about to close this connection because of what the client sent (today only
   * `MESSAGE_TOO_LARGE`, with `details.limitBytes`). Sent once, just before the disconnect.
   */
  'protocol.error': (error: ErrorReply) => void;
  /**
   * The hub started a new epoch (a restored backup, or a database behind what a client had seen):
   * seqs of the old `hubId` mean nothing now. A client whose stored hubId differs sends `hello` again
   * and takes the snapshot it gets, dropping events until then.
   */
  'hub.epoch': (epoch: { hubId: string }) => void;
  /** To the kiosk that sent `print.ticket` only: where its print job is (see `printJobUpdateSchema`). */
  'print.job': (update: PrintJobUpdate) => void;
  /** To the sockets watching a ticket (`ticketStatus.watch`): its view changed. */
  'ticketStatus.update': (reply: TicketStatusReply) => void;
}

/** The names of `HubToClientEvents` as a value (checked against the map like `clientEventNames`). */
export const hubEventNames = [
  'event',
  'events',
  'pair.approved',
  'auth.revoked',
  'protocol.error',
  'hub.epoch',
  'print.job',
  'ticketStatus.update',
] as const satisfies readonly (keyof HubToClientEvents)[];
/** A compile-time check only: its type is `true` when the list is complete, else the missing names. */
export const _everyHubEventListed: [Exclude<keyof HubToClientEvents, (typeof hubEventNames)[number]>] extends [never]
  ? true
  : Exclude<keyof HubToClientEvents, (typeof hubEventNames)[number]> = true;

/** The largest message a client may send (bytes of one Socket.IO packet); larger ones get `protocol.error`. */
export const MAX_MESSAGE_BYTES = 1_048_576;

/** What a citizen's phone sees of one ticket (`/t/<token>`), and nothing about anyone else. */
export interface TicketStatusView {
  label: string;
  service: LocalizedName;
  officeName: string;
  status: TicketStatus;
  /** People who will be called before this ticket (waiting only). */
  ahead: number;
  etaMinutes: number;
  /** The counter to go to, once called. */
  counterNumber: number | null;
  counterName: LocalizedName | null;
  issuedAt: number;
  calledAt: number | null;
  /** How many counters serving this service are open now. */
  countersOpen: number;
}

/** The reply to `ticketStatus.watch` and each `ticketStatus.update` push. */
export type TicketStatusReply = { ok: true; view: TicketStatusView } | { ok: false; code: string; message: string };
