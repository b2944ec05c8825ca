import { HubClient, memoryTokenStore } from '@motcua/client';
import type { TicketStatusReply, TicketStatusView } from '@motcua/core';

export type { TicketStatusView };
import { useEffect, useState } from 'react';

export interface LiveTicketStatus {
  connection: 'connecting' | 'online' | 'offline';
  view: TicketStatusView | null;
  /** The link's token is not (or no longer) a ticket. */
  invalid: boolean;
}

/**
 * Watches one ticket over Socket.IO with its status token: the connection stays anonymous, so it
 * can see this ticket's view and nothing else. Watches again after every reconnect.
 */
export function useTicketStatus(token: string): LiveTicketStatus {
  const [status, setStatus] = useState<LiveTicketStatus>({ connection: 'connecting', view: null, invalid: false });

  useEffect(() => {
    const client = new HubClient({ storage: memoryTokenStore() });
    const socket = client.socket;
    const receive = (reply: TicketStatusReply) =>
      setStatus(
        reply.ok
          ? { connection: 'online', view: reply.view, invalid: false }
          : { connection: 'online', view: null, invalid: true },
      );
    const watch = async () => {
      try {
        receive(await socket.timeout(10_000).emitWithAck('ticketStatus.watch', { token }));
      } catch {
        setStatus((s) => ({ ...s, connection: 'offline' }));
      }
    };
    socket.on('connect', () => void watch());
    socket.on('disconnect', () => setStatus((s) => ({ ...s, connection: 'offline' })));
    socket.on('connect_error', () => setStatus((s) => ({ ...s, connection: 'offline' })));
    socket.on('ticketStatus.update', receive);
    client.connect();
    return () => client.close();
  }, [token]);

  return status;
}
