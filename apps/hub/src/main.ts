import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHub } from './hub.js';
import { missingNodeFlags } from './nodeFlags.js';
import { parseHubOptions } from './options.js';

/** SIGINT/SIGTERM: sockets, HTTP and the database are closed within this, or the process exits anyway. */
const STOP_DEADLINE_MS = 4_500;

/**
 * Crash policy: an error nobody caught leaves the process in an unknown state, so it is logged and the
 * process exits non-zero; the supervisor (deploy/motcua-hub.service, the Windows service) starts it again.
 * Every acknowledged command is already in SQLite, so a restart loses nothing.
 */
function exitOnUncaught(): void {
  const fatal = (kind: string) => (error: unknown) => {
    console.error(`Lỗi không xử lý được, máy chủ dừng để khởi động lại / fatal ${kind}:`, error);
    process.exit(70);
  };
  process.on('uncaughtException', fatal('uncaught exception'));
  process.on('unhandledRejection', fatal('unhandled rejection'));
}

/** `npm start`: the hub with its database, the demo office, and the apps on one port. */
async function main(): Promise<void> {
  exitOnUncaught();
  // Files the hub creates (database, WAL, backups, prints) are readable by its own user only: they hold PIN hashes.
  process.umask(0o077);
  let options;
  try {
    options = parseHubOptions(process.argv.slice(2), process.env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  let hub;
  try {
    hub = await startHub(options);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE') {
      console.error(
        `Cổng ${options.port} đang được dùng. Hãy tắt chương trình kia hoặc chạy với --port 8081.\nPort ${options.port} is in use: stop the other program or use --port 8081.`,
      );
    } else if (typeof code === 'string' && /^(SQLITE_CANTOPEN|SQLITE_READONLY|EROFS|EACCES|ENOSPC)/.test(code)) {
      console.error(
        `Không mở được dữ liệu trong ${options.dataDir} (${code}): kiểm tra quyền ghi và dung lượng ổ đĩa.\nCannot open the data in ${options.dataDir} (${code}): check write permission and free disk space.`,
      );
    } else console.error('Không khởi động được máy chủ / the hub could not start:', error);
    process.exit(1);
  }
  const ready = { port: hub.port, url: hub.url, pid: process.pid };
  try {
    writeFileSync(join(options.dataDir, 'hub.json'), JSON.stringify(ready));
  } catch (error) {
    // A read-only or full data folder must not stop the hub: it still serves the queue and /healthz says why.
    hub.log.warn({ err: error }, 'could not write hub.json');
  }
  const missing = missingNodeFlags(process.execArgv, process.env);
  if (missing.length > 0 && !process.execArgv.some((arg) => arg.includes('tsx'))) {
    // Started by hand or by an older service definition: it works, with more memory (apps/hub/src/nodeFlags.ts).
    hub.log.warn({ missing }, 'started without the Node flags or environment npm start uses; memory use may be higher');
  }
  const lines = [
    '',
    `  Máy chủ xếp hàng đang chạy / queue hub running: ${hub.url}/`,
    ...hub.lanUrls.map((u) => `  Trong mạng LAN / on the LAN: ${u}/`),
    `  Dữ liệu / data: ${options.dataDir}`,
    `  Máy lấy số ${hub.url}/kiosk/  ·  Quầy ${hub.url}/counter/  ·  Màn hình ${hub.url}/display/  ·  Quản trị ${hub.url}/admin/`,
  ];
  if (hub.firstRun) {
    lines.push(
      `  Tài khoản quản trị / admin account: ${hub.firstRun.adminUsername} / ${hub.firstRun.adminPassword}  (chỉ hiện một lần / shown once)`,
    );
    lines.push('  Đổi mật khẩu này ở lần đăng nhập đầu tiên / you will set a new password at the first sign-in');
    if (hub.firstRun.demoClerkPin)
      lines.push(
        `  Cán bộ demo / demo clerks: canbo1 … canbo5, PIN ${hub.firstRun.demoClerkPin} (tại máy quầy / at a counter)`,
      );
    if (hub.firstRun.demoSupervisorPassword)
      lines.push(`  Giám sát demo / demo supervisor: giamsat / ${hub.firstRun.demoSupervisorPassword}`);
  }
  if (options.autoPairLocalhost) {
    lines.push(
      '  Lưu ý: thiết bị kết nối từ máy này (localhost) được ghép nối tự động (chế độ demo). Tắt bằng --no-auto-pair-localhost hoặc --no-demo.',
    );
    lines.push(
      '  Note: devices on this machine (localhost) are paired automatically (demo only). Turn off with --no-auto-pair-localhost or --no-demo.',
    );
  }
  console.log(lines.join('\n') + '\n');
  console.log(`HUB_READY ${JSON.stringify(ready)}`);

  const stop = (signal: string) => {
    hub.log.info({ signal }, 'stopping');
    // A supervisor (systemd, a Windows service) waits a few seconds before killing: be gone before that.
    setTimeout(() => {
      hub.log.error({ signal }, `not stopped after ${STOP_DEADLINE_MS} ms; exiting anyway`);
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
    hub
      .close()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        hub.log.error({ err: error }, 'stopping failed');
        process.exit(1);
      });
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

void main();
