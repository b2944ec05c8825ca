import { hostname, networkInterfaces } from 'node:os';

/** The machine's IPv4 addresses on the LAN, for the landing page and the start banner. */
export function lanAddresses(): string[] {
  const addresses: string[] = [];
  for (const list of Object.values(networkInterfaces())) {
    for (const info of list ?? []) if (info.family === 'IPv4' && !info.internal) addresses.push(info.address);
  }
  return addresses;
}

/** The names a browser on the LAN reaches this machine by, before any configured ones. */
export function defaultAllowedHosts(): string[] {
  const name = hostname().toLowerCase();
  const all = [name, `${name}.local`, 'localhost', '127.0.0.1', '::1'];
  for (const list of Object.values(networkInterfaces())) for (const info of list ?? []) all.push(info.address);
  return all;
}

/** The host name of a Host header ("hub.local:8080", "[::1]:8080"), lower-case, or null when malformed. */
export function hostNameOf(header: string | undefined): string | null {
  if (!header || header.length > 255) return null;
  const match = /^(?:\[([0-9a-f:.]+)\]|([^:[\]/\s@]+))(?::\d{1,5})?$/i.exec(header);
  const name = match?.[1] ?? match?.[2];
  return name ? name.toLowerCase() : null;
}

/**
 * Whether a Host header names this hub. A page on another name that resolves to the hub (DNS rebinding)
 * carries that other name here and is refused. `extra()` is read per request (the kiosk's public address).
 */
export function hostChecker(configured: string[], extra: () => string[]): (header: string | undefined) => boolean {
  if (configured.includes('*')) return () => true;
  const fixed = new Set([...defaultAllowedHosts(), ...configured]);
  return (header) => {
    const name = hostNameOf(header);
    if (!name) return false;
    return fixed.has(name) || extra().includes(name);
  };
}
