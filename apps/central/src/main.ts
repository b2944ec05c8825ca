import { resolve } from 'node:path';
import { z } from 'zod';
import { startDemoFeed } from './demo/demoFeed.js';
import { startCentral } from './startCentral.js';

const optionsSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(8090),
  host: z.string().min(1).default('0.0.0.0'),
  dataDir: z.string().min(1).default('data-central'),
  databaseUrl: z.string().default(''),
  adminPassword: z.string().default(''),
  demo: z
    .enum(['1', '0', 'true', 'false'])
    .default('false')
    .transform((v) => v === '1' || v === 'true'),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('warn'),
});

const flags: Record<string, keyof z.input<typeof optionsSchema>> = {
  '--port': 'port',
  '--host': 'host',
  '--data': 'dataDir',
  '--database-url': 'databaseUrl',
  '--admin-password': 'adminPassword',
  '--demo': 'demo',
  '--log-level': 'logLevel',
};

function parseOptions(argv: string[], env: NodeJS.ProcessEnv) {
  const raw: Record<string, string> = {};
  if (env.DATABASE_URL) raw.databaseUrl = env.DATABASE_URL;
  if (env.CENTRAL_PORT) raw.port = env.CENTRAL_PORT;
  if (env.CENTRAL_ADMIN_PASSWORD) raw.adminPassword = env.CENTRAL_ADMIN_PASSWORD;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--no-demo') {
      raw.demo = 'false';
      continue;
    }
    const key = flags[arg];
    if (!key) throw new Error(`Tham số không hợp lệ / unknown option: ${arg}`);
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith('--')) {
      raw[key] = next;
      i++;
    } else raw[key] = 'true';
  }
  const parsed = optionsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Cấu hình không hợp lệ / invalid option ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return { ...parsed.data, dataDir: resolve(env.INIT_CWD ?? process.cwd(), parsed.data.dataDir) };
}

/** `npm run central`: the province's central service, on PGlite in a data folder unless DATABASE_URL is set. */
async function main(): Promise<void> {
  let options;
  try {
    options = parseOptions(process.argv.slice(2), process.env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  const central = await startCentral(options).catch((error: unknown) => {
    console.error('Không khởi động được máy chủ tỉnh / central could not start:', error);
    process.exit(1);
  });
  const lines = [
    '',
    `  Máy chủ tỉnh đang chạy / central running: ${central.url}/`,
    `  Cơ sở dữ liệu / database: ${options.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite ${options.dataDir}`}`,
  ];
  if (central.firstAdmin) {
    lines.push(
      `  Tài khoản quản trị tỉnh / province admin: ${central.firstAdmin.username} / ${central.firstAdmin.password}  (chỉ hiện một lần / shown once)`,
    );
  }
  let stopDemo = () => undefined as void;
  if (options.demo) {
    stopDemo = await startDemoFeed(central.url, central.sql);
    lines.push('  Demo: 3 văn phòng mô phỏng đang gửi dữ liệu / 3 simulated offices are shipping events');
  }
  console.log(lines.join('\n') + '\n');
  console.log(`CENTRAL_READY ${JSON.stringify({ port: central.port, url: central.url, pid: process.pid })}`);
  const stop = () => {
    stopDemo();
    central
      .close()
      .then(() => process.exit(0))
      .catch(() => process.exit(1));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
