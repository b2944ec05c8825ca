import ipaddr from 'ipaddr.js';

/** A message in Vietnamese first, English second. */
export interface TargetMessage {
  vi: string;
  en: string;
}

/**
 * Why the hub refuses to send a request to an address (webhooks): anything that reaches the hub itself,
 * the machine's cloud metadata, or the office LAN unless an admin allowed it.
 */
export type TargetRefusal = 'loopback' | 'linkLocal' | 'metadata' | 'unspecified' | 'private' | 'reserved';

export interface TargetPolicy {
  /** An admin's explicit choice: the gateway is on the office LAN (10/8, 172.16/12, 192.168/16, fc00::/7 …). */
  allowPrivate: boolean;
  /** The operator's choice (`--webhook-allow-loopback`): the gateway runs on the hub's own machine. */
  allowLoopback: boolean;
}

/** Cloud metadata services, refused whatever else is allowed: they hand out the machine's credentials. */
const METADATA_ADDRESSES = new Set(['169.254.169.254', 'fd00:ec2::254', '100.100.100.200', '169.254.170.2']);

/** The refusal for one resolved address, or null when the hub may connect to it. */
export function targetAddressRefusal(address: string, policy: TargetPolicy): TargetRefusal | null {
  const text = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!ipaddr.isValid(text)) return 'reserved';
  let parsed = ipaddr.parse(text);
  // ::ffff:127.0.0.1 reaches 127.0.0.1: judge the IPv4 address it carries.
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  if (METADATA_ADDRESSES.has(parsed.toNormalizedString()) || METADATA_ADDRESSES.has(parsed.toString())) {
    return 'metadata';
  }
  const range = parsed.range();
  switch (range) {
    case 'unicast':
      return null;
    case 'loopback':
      return policy.allowLoopback ? null : 'loopback';
    case 'linkLocal':
      return 'linkLocal';
    case 'unspecified':
      return 'unspecified';
    case 'private':
    case 'uniqueLocal':
    case 'carrierGradeNat':
      return policy.allowPrivate ? null : 'private';
    default:
      // Multicast, broadcast, documentation, 6to4/Teredo tunnels (which can wrap a private address) …
      return 'reserved';
  }
}

/**
 * The refusal for a URL's host as written: an IP literal is judged here, `localhost` names are loopback.
 * Other names are judged by the hub after it resolves them, again at every delivery (DNS can change).
 */
export function targetUrlRefusal(url: string, policy: TargetPolicy): TargetRefusal | null {
  // scheme://[userinfo@]host[:port]/… — the URL schema has already checked the rest.
  const host = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)/i.exec(url.trim())?.[1];
  if (host === undefined) return null;
  const bare = host
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  if (ipaddr.isValid(bare)) return targetAddressRefusal(bare, policy);
  if (bare === 'localhost' || bare.endsWith('.localhost')) return policy.allowLoopback ? null : 'loopback';
  return null;
}

/** What the admin reads when a target is refused (the field is the receiver URL). */
export const targetRefusalMessages: Record<TargetRefusal, TargetMessage> = {
  loopback: {
    vi: 'Địa chỉ nhận (URL) trỏ về chính máy chủ (localhost/127.0.0.1) nên bị từ chối. Hãy nhập địa chỉ của cổng SMS/Zalo.',
    en: 'Receiver URL points at the hub itself (localhost/127.0.0.1) and is refused. Enter the SMS/Zalo gateway’s address.',
  },
  linkLocal: {
    vi: 'Địa chỉ nhận (URL) là địa chỉ link-local (169.254.x.x, fe80::) nên bị từ chối. Hãy nhập địa chỉ của cổng SMS/Zalo.',
    en: 'Receiver URL is a link-local address (169.254.x.x, fe80::) and is refused. Enter the SMS/Zalo gateway’s address.',
  },
  metadata: {
    vi: 'Địa chỉ nhận (URL) là dịch vụ metadata của máy chủ đám mây nên luôn bị từ chối.',
    en: 'Receiver URL is a cloud metadata service and is always refused.',
  },
  unspecified: {
    vi: 'Địa chỉ nhận (URL) là 0.0.0.0 hoặc :: (không phải một máy cụ thể) nên bị từ chối.',
    en: 'Receiver URL is 0.0.0.0 or :: (no particular machine) and is refused.',
  },
  private: {
    vi: 'Địa chỉ nhận (URL) thuộc mạng nội bộ (10.x, 172.16–31.x, 192.168.x). Nếu cổng SMS/Zalo đặt trong mạng cơ quan, hãy đánh dấu “Cho phép địa chỉ trong mạng nội bộ” rồi lưu lại.',
    en: 'Receiver URL is on a private network (10.x, 172.16–31.x, 192.168.x). If the gateway is on the office LAN, tick “Allow LAN addresses” and save again.',
  },
  reserved: {
    vi: 'Địa chỉ nhận (URL) là địa chỉ dành riêng (multicast, tài liệu, đường hầm) nên bị từ chối. Hãy nhập địa chỉ của cổng SMS/Zalo.',
    en: 'Receiver URL is a reserved address (multicast, documentation, tunnel) and is refused. Enter the SMS/Zalo gateway’s address.',
  },
};
