import { useEffect, useState } from 'react';
import { useHubClient } from '@motcua/client';

/** The hub's clock, ticking every `intervalMs`, for running timers and waiting times. */
export function useHubNow(intervalMs = 1000): number {
  const client = useHubClient();
  const [now, setNow] = useState(() => client.hubNow());
  useEffect(() => {
    const timer = setInterval(() => setNow(client.hubNow()), intervalMs);
    return () => clearInterval(timer);
  }, [client, intervalMs]);
  return now;
}
