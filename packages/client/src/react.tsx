import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { HubClient, HubSnapshot } from './HubClient.js';

const HubContext = createContext<HubClient | null>(null);

export function HubProvider({ client, children }: { client: HubClient; children: ReactNode }) {
  return <HubContext.Provider value={client}>{children}</HubContext.Provider>;
}

export function useHubClient(): HubClient {
  const client = useContext(HubContext);
  if (!client) throw new Error('useHubClient needs a <HubProvider>');
  return client;
}

/** Everything a screen needs, re-rendered on every change. */
export function useHubSnapshot(): HubSnapshot {
  const client = useHubClient();
  return useSyncExternalStore(client.subscribe, client.getSnapshot);
}

export function useQueueState() {
  return useHubSnapshot().state;
}

export function useConnection() {
  const { connection, identity, pairing, problem } = useHubSnapshot();
  return { connection, identity, pairing, problem };
}
