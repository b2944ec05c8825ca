import { useHubClient } from '@motcua/client';
import { useEffect, useState } from 'react';

/** The hub's clock, refreshed every few seconds, for "waiting for 12 minutes". */
export function useHubNow(everyMs = 5000): number {
  const client = useHubClient();
  const [now, setNow] = useState(() => client.hubNow());
  useEffect(() => {
    const timer = setInterval(() => setNow(client.hubNow()), everyMs);
    return () => clearInterval(timer);
  }, [client, everyMs]);
  return now;
}
