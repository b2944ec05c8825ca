import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHub } from './hub.js';
import { parseHubOptions } from './options.js';

/** `npm start`: the hub with its database, the demo office, and the apps on one port. */
async function main(): Promise<void> {
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
    hub
      .close()
      .then(() => process.exit(0))
      .catch(() => process.exit(1));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

void main();
