import ipaddr from 'ipaddr.js';
import type { TargetMessage } from './networkTargets.js';

/**
 * Why the status link on a ticket (`<base>/t/<token>`, its QR code) may not open on a citizen's phone:
 * - `hubListensOnLoopback`: the hub answers on 127.0.0.1 only and no public address is set, so no phone reaches it;
 * - `loopbackBaseUrl`: the address points at the phone itself (localhost, 127.x);
 * - `noLanAddress`: the hub's machine has no network address besides loopback;
 * - `lanOnlyBaseUrl`: a private LAN address (10.x, 172.16–31.x, 192.168.x, *.local) opens on the office Wi-Fi only,
 *   never from mobile data;
 * - `invalidBaseUrl`: the address an admin set is not an http(s) address.
 */
export type StatusLinkWarning =
  'hubListensOnLoopback' | 'loopbackBaseUrl' | 'noLanAddress' | 'lanOnlyBaseUrl' | 'invalidBaseUrl';

export interface StatusLinkCheck {
  /** The base the ticket QR uses now. */
  baseUrl: string;
  /** Set by an admin (kiosk settings), not worked out from the hub's own addresses. */
  configured: boolean;
  warnings: StatusLinkWarning[];
}

export interface HubAddresses {
  /** What the hub listens on (`--host`): 0.0.0.0 or :: for every address. */
  listenHost: string;
  port: number;
  /** The machine's non-loopback IPv4 addresses. */
  lanAddresses: readonly string[];
}

function bareHost(host: string): string {
  return host
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
}

function isLoopbackHost(host: string): boolean {
  const bare = bareHost(host);
  if (bare === 'localhost' || bare.endsWith('.localhost')) return true;
  return ipaddr.isValid(bare) && ipaddr.process(bare).range() === 'loopback';
}

function isWildcardHost(host: string): boolean {
  const bare = bareHost(host);
  return ipaddr.isValid(bare) && ipaddr.parse(bare).range() === 'unspecified';
}

/** Reached only inside the office: private and link-local ranges, and mDNS names. */
function isLanOnlyHost(host: string): boolean {
  const bare = bareHost(host);
  if (ipaddr.isValid(bare)) {
    return ['private', 'uniqueLocal', 'linkLocal', 'carrierGradeNat'].includes(ipaddr.process(bare).range());
  }
  // A single-label name (hub-may-chu) or an mDNS name resolves only on the office network.
  return bare.endsWith('.local') || !bare.includes('.');
}

/**
 * The base the hub puts in status links when no admin set one: the address it listens on when that is one address,
 * else its first LAN address (loopback when it has none). A hub listening on 127.0.0.1 never offers a LAN address
 * it does not answer on.
 */
export function defaultStatusBaseUrl({ listenHost, port, lanAddresses }: HubAddresses): string {
  const host = isWildcardHost(listenHost) ? (lanAddresses[0] ?? '127.0.0.1') : bareHost(listenHost);
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** The status base in use and what may keep phones from opening it. */
export function checkStatusLink(configuredBaseUrl: string, hub: HubAddresses): StatusLinkCheck {
  const configured = configuredBaseUrl.trim().replace(/\/+$/, '');
  const baseUrl = configured || defaultStatusBaseUrl(hub);
  const warnings: StatusLinkWarning[] = [];
  // scheme://[userinfo@]host[:port]/… (core has no URL class: it runs without Node's or a browser's globals).
  const host =
    /^https?:\/\/(?:[^@/?#\s]*@)?(\[[^\]\s]*\]|[^:/?#\s]+)(?::\d{1,5})?(?:[/?#]\S*)?$/i.exec(baseUrl)?.[1] ?? null;
  if (host === null) return { baseUrl, configured: configured !== '', warnings: ['invalidBaseUrl'] };
  if (!configured && isLoopbackHost(hub.listenHost)) warnings.push('hubListensOnLoopback');
  else if (!configured && isWildcardHost(hub.listenHost) && hub.lanAddresses.length === 0)
    warnings.push('noLanAddress');
  if (isLoopbackHost(host)) warnings.push('loopbackBaseUrl');
  else if (isLanOnlyHost(host)) warnings.push('lanOnlyBaseUrl');
  return { baseUrl, configured: configured !== '', warnings };
}

/** What the admin reads under the status address, with what to do. */
export const statusLinkWarningMessages: Record<StatusLinkWarning, TargetMessage> = {
  hubListensOnLoopback: {
    vi: 'Máy chủ chỉ nghe trên 127.0.0.1 nên điện thoại của công dân không mở được đường dẫn trên vé. Hãy chạy máy chủ với --host 0.0.0.0, hoặc công bố /t/ qua máy chủ trung gian (reverse proxy) và nhập địa chỉ công khai bên dưới.',
    en: 'The hub listens on 127.0.0.1 only, so citizens’ phones cannot open the link on the ticket. Start the hub with --host 0.0.0.0, or publish /t/ through a reverse proxy and enter its public address below.',
  },
  loopbackBaseUrl: {
    vi: 'Địa chỉ tra cứu trỏ về localhost/127.0.0.1: trên điện thoại, địa chỉ này là chính điện thoại nên không mở được. Hãy nhập địa chỉ mạng LAN hoặc địa chỉ công khai.',
    en: 'The status address points at localhost/127.0.0.1, which on a phone is the phone itself. Enter the LAN or public address.',
  },
  noLanAddress: {
    vi: 'Máy chủ không có địa chỉ mạng LAN nào nên đường dẫn trên vé dùng 127.0.0.1. Hãy kiểm tra kết nối mạng của máy chủ, hoặc nhập địa chỉ công khai bên dưới.',
    en: 'The hub’s machine has no LAN address, so the ticket link uses 127.0.0.1. Check the machine’s network, or enter a public address below.',
  },
  lanOnlyBaseUrl: {
    vi: 'Địa chỉ tra cứu là địa chỉ mạng nội bộ: chỉ mở được khi điện thoại dùng Wi-Fi của cơ quan, không mở được bằng 4G. Muốn công dân xem từ bất cứ đâu, hãy công bố /t/ qua máy chủ trung gian (xem README, mục “Công bố trang tra cứu”).',
    en: 'The status address is a private LAN address: phones open it on the office Wi-Fi only, not on mobile data. To let citizens follow their ticket from anywhere, publish /t/ through a reverse proxy (README, “Publishing the status page”).',
  },
  invalidBaseUrl: {
    vi: 'Địa chỉ tra cứu không phải địa chỉ http:// hoặc https:// hợp lệ: mã QR trên vé sẽ không mở được. Hãy sửa lại địa chỉ.',
    en: 'The status address is not a valid http:// or https:// address, so the ticket QR will not open. Correct it.',
  },
};
