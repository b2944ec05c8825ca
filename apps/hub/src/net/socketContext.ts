import type { PrinterAddressContext, SyncPayload } from '@motcua/core';
import type { Logger } from 'pino';
import type { AuthService } from '../auth/authService.js';
import type { SignInThrottle } from '../auth/signInThrottle.js';
import type { Engine } from '../engine.js';
import type { TrustFunction } from './clientAddress.js';
import type { OriginPolicy } from './originPolicy.js';
import type { SocketIdentity } from './socketIdentity.js';
import type { HubIo, HubSocket } from './socketTypes.js';

export interface SocketOptions extends OriginPolicy {
  /** The hub's current epoch id; it changes when the hub finds itself behind its clients. */
  hubId(): string;
  /** Starts a new epoch (a new hubId) and returns it: clients resync from a snapshot. */
  startNewEpoch(reason: string): string;
  /** Approve devices that connect from this machine without an admin (the demo only). */
  autoPairLocalhost: boolean;
  kioskIssuesPerMinute: number;
  kioskIssueBurst: number;
  /** Pairing requests per source address: a burst, then this many per minute. */
  pairRequestsPerMinute: number;
  pairRequestBurst: number;
  /** Alerts a device may raise: a burst, then this many per minute. */
  deviceAlertsPerMinute: number;
  deviceAlertBurst: number;
  /** Whose X-Forwarded-For is believed (`--trust-proxy`), for per-source throttles and limits. */
  trust: TrustFunction;
  /** The data folder and share hosts an admin's printer address must keep to now (the admin's list changes). */
  printerAddress(): PrinterAddressContext;
}

/** What the per-connection handlers (hello, commands, pairing, sessions) share. */
export interface SocketContext {
  io: HubIo;
  engine: Engine;
  auth: AuthService;
  identity: SocketIdentity;
  throttle: SignInThrottle;
  options: SocketOptions;
  log: Logger;
  /** The missing events since `lastSeq`, or a snapshot. */
  syncFrom(lastSeq: number, hubId: string | null): SyncPayload;
  /** The address a socket's requests come from (the proxy's client when the proxy is trusted). */
  sourceAddress(socket: HubSocket): string;
}
