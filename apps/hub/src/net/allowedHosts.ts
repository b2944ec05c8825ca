import { networkInterfaces } from 'node:os';
import { hostNameOf, ownHostNames } from './originPolicy.js';

/** How long a reading of the machine's addresses is reused: a DHCP change shows within this. */
const LAN_ADDRESSES_TTL_MS = 5_000;
let lastLanReading: { at: number; addresses: string[] } | null = null;

/**
 * The machine's IPv4 addresses on the LAN, for the landing page, the start banner and the ticket's status
 * link. Read at most every few seconds: the status link is built for every issued ticket, and asking the
 * operating system each time (`networkInterfaces`) was 3-4 % of the hub's CPU while issuing (bench profile).
 */
export function lanAddresses(now: number = Date.now()): string[] {
  if (lastLanReading && now - lastLanReading.at >= 0 && now - lastLanReading.at < LAN_ADDRESSES_TTL_MS) {
    return [...lastLanReading.addresses];
  }
  const addresses: string[] = [];
  for (const list of Object.values(networkInterfaces())) {
    for (const info of list ?? []) if (info.family === 'IPv4' && !info.internal) addresses.push(info.address);
  }
  lastLanReading = { at: now, addresses };
  return [...addresses];
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
