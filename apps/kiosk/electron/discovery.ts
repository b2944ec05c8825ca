/** What bonjour-service reports for a found `_motcua._tcp` service (the fields used here). */
export interface FoundService {
  name?: string;
  host?: string;
  port: number;
  addresses?: string[];
  txt?: Record<string, unknown>;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/**
 * The hub's base URL from an mDNS answer: the first IPv4 address (a kiosk on the office LAN reaches
 * it without name resolution), else the host name; null when the answer is unusable.
 */
export function hubUrlFromService(service: FoundService): string | null {
  if (!Number.isInteger(service.port) || service.port <= 0 || service.port > 65535) return null;
  const ipv4 = (service.addresses ?? []).find((a) => IPV4.test(a) && !a.startsWith('169.254.'));
  const host = ipv4 ?? (service.host && /^[A-Za-z0-9.-]+$/.test(service.host) ? service.host : null);
  if (!host) return null;
  const path = typeof service.txt?.path === 'string' && service.txt.path.startsWith('/') ? service.txt.path : '/';
  return `http://${host}:${service.port}${path === '/' ? '' : path.replace(/\/$/, '')}`;
}

/**
 * A found hub the kiosk may use: it must say its hubId, and once the kiosk has paired, that hubId must be the
 * pinned one (another hub on the LAN, or one pretending, never gets the device token).
 */
export function acceptableHub(
  service: FoundService,
  pinnedHubId: string | null,
): { url: string; hubId: string } | null {
  const url = hubUrlFromService(service);
  const hubId = service.txt?.hubId;
  if (!url || typeof hubId !== 'string' || hubId === '') return null;
  if (pinnedHubId !== null && hubId !== pinnedHubId) return null;
  return { url, hubId };
}

/** Looks for the (pinned) hub on the LAN for up to `timeoutMs`; resolves with its URL and hubId, or null. */
export async function discoverHub(
  pinnedHubId: string | null,
  timeoutMs = 5000,
): Promise<{ url: string; hubId: string } | null> {
  const { Bonjour } = await import('bonjour-service');
  const bonjour = new Bonjour();
  return new Promise((resolve) => {
    const finish = (hub: { url: string; hubId: string } | null) => {
      clearTimeout(timer);
      browser.stop();
      bonjour.destroy();
      resolve(hub);
    };
    const browser = bonjour.find({ type: 'motcua' }, (service) => {
      const hub = acceptableHub(service as unknown as FoundService, pinnedHubId);
      if (hub) finish(hub);
    });
    const timer = setTimeout(() => finish(null), timeoutMs);
  });
}
