import { resolve } from 'node:path';
import { parseHubOptions } from './options.js';
import { restoreBackup, runningHubPid } from './restore.js';

/** `npm run restore -- <backup file> [--data <folder>]`: restores a backup into the hub's data folder. */
function main(): void {
  const args = process.argv.slice(2);
  const fileIndex = args.findIndex((arg, i) => !arg.startsWith('--') && !args[i - 1]?.startsWith('--'));
  const file = fileIndex >= 0 ? args[fileIndex] : undefined;
  if (!file) {
    console.error(
      'Cách dùng / usage: npm run restore -- <tệp sao lưu / backup file> [--data <thư mục dữ liệu / data folder>]',
    );
    process.exit(2);
  }
  const rest = args.filter((_, i) => i !== fileIndex);
  const options = parseHubOptions(rest, process.env);
  const running = runningHubPid(options.dataDir);
  if (running !== null) {
    console.error(
      `Máy chủ đang chạy (pid ${running}): hãy tắt máy chủ trước khi khôi phục.\n` +
        `The hub is running (pid ${running}): stop it before restoring.`,
    );
    process.exit(1);
  }
  const backup = resolve(process.env.INIT_CWD ?? process.cwd(), file);
  try {
    const result = restoreBackup(backup, options.dataDir);
    console.log(
      [
        `Đã khôi phục / restored: ${backup}`,
        `  vào / into: ${options.dataDir} (seq ${result.seq})`,
        result.keptAside
          ? `  Dữ liệu cũ được giữ lại tại / the previous database is kept in: ${result.keptAside}`
          : '  Không có dữ liệu cũ / there was no previous database',
        `  Mã máy chủ mới / new hubId: ${result.hubId} — các thiết bị sẽ tự đồng bộ lại / devices resync by themselves`,
        '  Bây giờ hãy khởi động máy chủ / now start the hub: npm start',
      ].join('\n'),
    );
  } catch (error) {
    console.error(
      `Không khôi phục được / restore failed: ${error instanceof Error ? error.message : String(error)}\n` +
        'Dữ liệu hiện tại không bị thay đổi nếu tệp sao lưu bị lỗi / the current data is untouched when the backup is unreadable.',
    );
    process.exit(1);
  }
}

main();
