import { SessionAwareAdapter, type PrivateSessionId, type Session } from 'socket.io-adapter';
import type { SocketData } from './socketTypes.js';

/**
 * Socket.IO's connection-state recovery (in the adapter) hands a reconnecting socket its old data and rooms and
 * replays what it missed, before any middleware or handler of ours runs. This adapter asks first: a socket whose
 * device was revoked or whose session ended while it was away gets neither rooms nor missed packets, and the
 * connection handler then tells it (`auth.revoked`).
 */
export function revalidatingAdapter(stillValid: (data: SocketData) => boolean): typeof SessionAwareAdapter {
  return class RevalidatingAdapter extends SessionAwareAdapter {
    override async restoreSession(pid: PrivateSessionId, offset: string): Promise<Session> {
      const session = await super.restoreSession(pid, offset);
      if (!session || stillValid(session.data as SocketData)) return session;
      return { ...session, rooms: [], missedPackets: [] };
    }
  };
}
