import { useLanguage } from '@motcua/ui';
import { useEffect, useState } from 'react';
import { download, getJson } from './hubApi';

interface BackupList {
  settings: { hour: number; keepDays: number };
  backups: { file: string; date: string; bytes: number }[];
}

/** Download a consistent copy of the database now; see the automatic daily backups. */
export function BackupPage() {
  const { t } = useLanguage();
  const [list, setList] = useState<BackupList | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    getJson<BackupList>('/api/backups')
      .then(setList)
      .catch((e: Error) => setMessage(e.message));
  }, []);
  const takeNow = async () => {
    setBusy(true);
    try {
      await download('/api/backup', 'motcua.sqlite');
      setMessage('Đã tải bản sao lưu. Hãy cất giữ ở nơi an toàn (ổ USB, máy khác).');
    } catch (e) {
      setMessage((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="page" data-testid="backup-page">
      <h1>{t({ vi: 'Sao lưu dữ liệu', en: 'Backups' })}</h1>
      <section className="card">
        <p>
          {t({
            vi: 'Bản sao lưu được tạo khi hệ thống vẫn đang chạy, không làm gián đoạn việc lấy số.',
            en: 'Backups are taken while the system runs, without interrupting ticketing.',
          })}
        </p>
        <button type="button" className="btn btn-primary" onClick={() => void takeNow()} disabled={busy}>
          {busy
            ? t({ vi: 'Đang sao lưu…', en: 'Backing up…' })
            : t({ vi: 'Tải bản sao lưu ngay', en: 'Download a backup now' })}
        </button>
        {message && <p role="status">{message}</p>}
      </section>
      {list && (
        <section className="card">
          <h2>{t({ vi: 'Sao lưu tự động hằng ngày', en: 'Automatic daily backups' })}</h2>
          <p className="muted">
            Mỗi ngày sau {list.settings.hour}:00, giữ {list.settings.keepDays} bản gần nhất, trong thư mục
            <code> backups/</code> của dữ liệu máy chủ.
          </p>
          <table className="table">
            <thead>
              <tr>
                <th>{t({ vi: 'Ngày', en: 'Date' })}</th>
                <th>{t({ vi: 'Tệp', en: 'File' })}</th>
                <th className="num">{t({ vi: 'Dung lượng', en: 'Size' })}</th>
              </tr>
            </thead>
            <tbody>
              {list.backups.map((b) => (
                <tr key={b.file}>
                  <td>{b.date}</td>
                  <td>
                    <code>{b.file}</code>
                  </td>
                  <td className="num">
                    {(b.bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB
                  </td>
                </tr>
              ))}
              {list.backups.length === 0 && (
                <tr>
                  <td colSpan={3}>{t({ vi: 'Chưa có bản sao lưu tự động.', en: 'No automatic backup yet.' })}</td>
                </tr>
              )}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
