import { useHubClient } from '@motcua/client';
import { useEffect, useState } from 'react';

/**
 * The hub's clock (not the PC's), ticking every `intervalMs`: running timers, waiting times, the wall clock.
 * Every app's screens read time through it.
 */
export function useHubNow(intervalMs = 1000): number {
  const client = useHubClient();
  const [now, setNow] = useState(() => client.hubNow());
  useEffect(() => {
    const timer = setInterval(() => setNow(client.hubNow()), intervalMs);
    return () => clearInterval(timer);
  }, [client, intervalMs]);
  return now;
}
