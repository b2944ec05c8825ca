import { networkInterfaces } from 'node:os';
import { hostNameOf, ownHostNames } from './originPolicy.js';

/** The machine's IPv4 addresses on the LAN, for the landing page and the start banner. */
export function lanAddresses(): string[] {
  const addresses: string[] = [];
  for (const list of Object.values(networkInterfaces())) {
    for (const info of list ?? []) if (info.family === 'IPv4' && !info.internal) addresses.push(info.address);
  }
  return addresses;
}

/**
 * Whether an HTTP Host header names this hub: the names Socket.IO's origin check uses (`ownHostNames`, with
 * `--allowed-host-names`) plus `extra()`, read per request (the kiosk's public status address). A page on another
 * name that resolves to the hub (DNS rebinding) carries that name and is refused. "*" turns the check off.
 */
export function hostChecker(
  configured: readonly string[],
  extra: () => string[],
): (header: string | undefined) => boolean {
  if (configured.includes('*')) return () => true;
  const names = ownHostNames(configured);
  return (header) => {
    if (!header || header.length > 255) return false;
    const name = hostNameOf(header);
    return names.has(name) || extra().includes(name);
  };
}
