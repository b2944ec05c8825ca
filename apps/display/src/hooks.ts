import { useEffect, useState } from 'react';
import { useHubClient, useHubSnapshot } from '@motcua/client';
import { isBoardCall } from './boardModel';

/** How long a new call stays highlighted. */
export const HIGHLIGHT_MS = 6000;

export interface Highlight {
  ticketId: string;
  counterId: string;
  /** The call's time, so a recall of the same ticket lights up again. */
  at: number;
}

/** The call to highlight: the latest live call while online, for a few seconds; never one caught up on. */
export function useNewCallHighlight(): Highlight | null {
  const client = useHubClient();
  const { connection } = useHubSnapshot();
  const [highlight, setHighlight] = useState<Highlight | null>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = client.onEvent((envelope, meta) => {
      const event = envelope.event;
      if (!isBoardCall(event)) return;
      if (!meta.live || client.getSnapshot().connection !== 'online') return;
      setHighlight({ ticketId: event.ticketId, counterId: event.counterId, at: envelope.at });
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => setHighlight(null), HIGHLIGHT_MS);
    });
    return () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [client]);
  return connection === 'online' ? highlight : null;
}

/** The hub time of the last moment the screen was known to be up to date (online and in sync). */
export function useLastUpdate(): number | null {
  const client = useHubClient();
  const { connection, state } = useHubSnapshot();
  const [last, setLast] = useState<number | null>(null);
  useEffect(() => {
    if (connection === 'online' && state) setLast(client.hubNow());
  }, [client, connection, state]);
  return last;
}
