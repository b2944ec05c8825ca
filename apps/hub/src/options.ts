import { resolve } from 'node:path';
import { z } from 'zod';

/** false: X-Forwarded-For is ignored; true: believed from anyone; a list: believed from those proxies. */
export type TrustProxySetting = boolean | string[];

const booleanText = z.enum(['1', '0', 'true', 'false', 'yes', 'no']).transform((v) => ['1', 'true', 'yes'].includes(v));
/** "a, b,c" → ["a", "b", "c"]. */
const listText = z.string().transform((v) =>
  v
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== ''),
);

/**
 * SQLite's page cache for the hub's database connection, in MB. better-sqlite3 builds SQLite with 16 MB per
 * connection (SQLITE_DEFAULT_CACHE_SIZE=-16000); the hub's default is its own choice (docs/performance.md, stop 26).
 */
export const DEFAULT_SQLITE_CACHE_MB = 16;

export const hubOptionsSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(8080),
  host: z.string().min(1).default('0.0.0.0'),
  dataDir: z.string().min(1).default('data'),
  demo: booleanText.default(true),
  /** Only ever in demo mode: unset means "on in the demo"; with --no-demo it is off whatever is given. */
  autoPairLocalhost: booleanText.optional(),
  /** Web origins besides the hub's own whose pages may open a socket (e.g. the HTTPS name behind a proxy). */
  allowedOrigins: listText.default([]),
  /** Host names the hub is reached by besides localhost, this machine's name and its LAN addresses. */
  allowedHostNames: listText.default([]),
  sessionIdleMinutes: z.coerce
    .number()
    .min(1)
    .max(7 * 24 * 60)
    .default(240),
  sessionMaxHours: z.coerce
    .number()
    .min(1)
    .max(24 * 30)
    .default(12),
  pairingExpiryMinutes: z.coerce
    .number()
    .min(1)
    .max(24 * 60)
    .default(15),
  maxPendingPairings: z.coerce.number().int().min(1).max(10_000).default(50),
  pairRequestsPerMinute: z.coerce.number().min(1).max(100_000).default(10),
  pairRequestBurst: z.coerce.number().int().min(1).max(100_000).default(5),
  deviceAlertsPerMinute: z.coerce.number().min(1).max(100_000).default(6),
  deviceAlertBurst: z.coerce.number().int().min(1).max(100_000).default(5),
  mdns: booleanText.default(true),
  testClock: booleanText.default(false),
  clockOffsetMs: z.coerce.number().int().default(0),
  /** How often stored ID card holders past the office's retention are removed (tests shorten it). */
  holderPurgeEveryMs: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  kioskIssuesPerMinute: z.coerce.number().min(1).max(100_000).default(30),
  kioskIssueBurst: z.coerce.number().int().min(1).max(100_000).default(10),
  /** SQLite's page cache for the hub's database, in MB (DEFAULT_SQLITE_CACHE_MB). */
  sqliteCacheMb: z.coerce.number().int().min(1).max(1024).default(DEFAULT_SQLITE_CACHE_MB),
  /**
   * Whose X-Forwarded-For is believed: "false" (nobody, the default), "loopback" (a proxy on this machine),
   * addresses or CIDR ranges separated by commas, or "true" (anyone: only behind a proxy nobody can bypass).
   */
  trustProxy: z
    .string()
    .default('false')
    .transform((v): TrustProxySetting => {
      const text = v.trim().toLowerCase();
      if (['false', '0', 'no', ''].includes(text)) return false;
      if (['true', '1', 'yes'].includes(text)) return true;
      return text
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean);
    }),
  /**
   * Webhook deliveries to this machine itself (127.0.0.1, ::1, localhost): only for a gateway the operator
   * runs beside the hub. An admin cannot turn this on from the web page (docs/security.md).
   */
  webhookAllowLoopback: booleanText.default(false),
  /** Windows computers whose shared printers (windows-share://HOST/SHARE) may be used; this machine's always. */
  printerShareHosts: listText.default([]),
  /** The province's central service (https://…); empty = no shipping. */
  centralUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]).default(''),
  /** The credential central's admin issued for this office (office.<officeId>.<secret>). */
  centralCredential: z.string().max(500).default(''),
  /** The longest pause between attempts while central is unreachable. */
  centralRetryMaxMs: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
});
export type HubOptions = Omit<z.output<typeof hubOptionsSchema>, 'autoPairLocalhost'> & { autoPairLocalhost: boolean };

const flags: Record<string, keyof HubOptions> = {
  '--port': 'port',
  '--host': 'host',
  '--data': 'dataDir',
  '--demo': 'demo',
  '--auto-pair-localhost': 'autoPairLocalhost',
  '--allowed-origins': 'allowedOrigins',
  '--allowed-host-names': 'allowedHostNames',
  '--session-idle-minutes': 'sessionIdleMinutes',
  '--session-max-hours': 'sessionMaxHours',
  '--pairing-expiry-minutes': 'pairingExpiryMinutes',
  '--max-pending-pairings': 'maxPendingPairings',
  '--pair-requests-per-minute': 'pairRequestsPerMinute',
  '--pair-request-burst': 'pairRequestBurst',
  '--device-alerts-per-minute': 'deviceAlertsPerMinute',
  '--device-alert-burst': 'deviceAlertBurst',
  '--mdns': 'mdns',
  '--test-clock': 'testClock',
  '--clock-offset-ms': 'clockOffsetMs',
  '--holder-purge-every-ms': 'holderPurgeEveryMs',
  '--log-level': 'logLevel',
  '--kiosk-issues-per-minute': 'kioskIssuesPerMinute',
  '--kiosk-issue-burst': 'kioskIssueBurst',
  '--sqlite-cache-mb': 'sqliteCacheMb',
  '--trust-proxy': 'trustProxy',
  '--webhook-allow-loopback': 'webhookAllowLoopback',
  '--printer-share-hosts': 'printerShareHosts',
  '--central-url': 'centralUrl',
  '--central-credential': 'centralCredential',
  '--central-retry-max-ms': 'centralRetryMaxMs',
};

const envNames: Record<string, keyof HubOptions> = {
  PORT: 'port',
  HUB_HOST: 'host',
  HUB_DATA: 'dataDir',
  HUB_DEMO: 'demo',
  HUB_AUTO_PAIR_LOCALHOST: 'autoPairLocalhost',
  HUB_ALLOWED_ORIGINS: 'allowedOrigins',
  HUB_ALLOWED_HOST_NAMES: 'allowedHostNames',
  HUB_SESSION_IDLE_MINUTES: 'sessionIdleMinutes',
  HUB_SESSION_MAX_HOURS: 'sessionMaxHours',
  HUB_PAIRING_EXPIRY_MINUTES: 'pairingExpiryMinutes',
  HUB_MAX_PENDING_PAIRINGS: 'maxPendingPairings',
  HUB_PAIR_REQUESTS_PER_MINUTE: 'pairRequestsPerMinute',
  HUB_PAIR_REQUEST_BURST: 'pairRequestBurst',
  HUB_DEVICE_ALERTS_PER_MINUTE: 'deviceAlertsPerMinute',
  HUB_DEVICE_ALERT_BURST: 'deviceAlertBurst',
  HUB_MDNS: 'mdns',
  HUB_TEST_CLOCK: 'testClock',
  HUB_CLOCK_OFFSET_MS: 'clockOffsetMs',
  HUB_HOLDER_PURGE_EVERY_MS: 'holderPurgeEveryMs',
  HUB_LOG_LEVEL: 'logLevel',
  HUB_KIOSK_ISSUES_PER_MINUTE: 'kioskIssuesPerMinute',
  HUB_KIOSK_ISSUE_BURST: 'kioskIssueBurst',
  HUB_SQLITE_CACHE_MB: 'sqliteCacheMb',
  HUB_TRUST_PROXY: 'trustProxy',
  HUB_WEBHOOK_ALLOW_LOOPBACK: 'webhookAllowLoopback',
  HUB_PRINTER_SHARE_HOSTS: 'printerShareHosts',
  HUB_CENTRAL_URL: 'centralUrl',
  HUB_CENTRAL_CREDENTIAL: 'centralCredential',
  HUB_CENTRAL_RETRY_MAX_MS: 'centralRetryMaxMs',
};

/** Options from the environment, then the command line (`--port 8080`, `--no-mdns`). Throws a readable error. */
export function parseHubOptions(argv: string[], env: Record<string, string | undefined>): HubOptions {
  const raw: Record<string, string> = {};
  for (const [name, key] of Object.entries(envNames)) {
    const value = env[name];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg.startsWith('--no-') && flags[`--${arg.slice(5)}`]) {
      raw[flags[`--${arg.slice(5)}`] as string] = 'false';
      continue;
    }
    const [flag, inline] = arg.split('=', 2) as [string, string | undefined];
    const key = flags[flag];
    if (!key) throw new Error(`Tham số không hợp lệ / unknown option: ${arg}`);
    const next = argv[i + 1];
    if (inline !== undefined) raw[key] = inline;
    else if (next !== undefined && !next.startsWith('--')) {
      raw[key] = next;
      i++;
    } else raw[key] = 'true';
  }
  const parsed = hubOptionsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Cấu hình không hợp lệ / invalid option ${issue?.path.join('.')}: ${issue?.message}`);
  }
  // npm runs workspace scripts inside apps/hub; a relative folder means the one `npm start` was typed in.
  return {
    ...parsed.data,
    // Approving devices without an admin is a demo convenience, never a production setting.
    autoPairLocalhost: parsed.data.demo && (parsed.data.autoPairLocalhost ?? true),
    dataDir: resolve(env.INIT_CWD ?? process.cwd(), parsed.data.dataDir),
  };
}
