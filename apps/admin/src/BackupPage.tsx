import { localizedText, useLanguage } from '@motcua/ui';
import { useEffect, useState } from 'react';
import type { BackupList } from '@motcua/core';
import { download, hubJson } from './hubApi';
import { adminStrings } from './i18n/strings';

/** Download a consistent copy of the database now; see the automatic daily backups. */
export function BackupPage() {
  const { t } = useLanguage();
  const [list, setList] = useState<BackupList | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    hubJson('GET /api/backups', {})
      .then(setList)
      .catch((e: Error) => setMessage(e.message));
  }, []);
  const takeNow = async () => {
    setBusy(true);
    try {
      await download('GET /api/backup', {}, 'motcua.sqlite');
      setMessage(t(adminStrings['backup.downloaded']));
    } catch (e) {
      setMessage((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="page" data-testid="backup-page">
      <h1>{t(adminStrings['backup.backups'])}</h1>
      <section className="card">
        <p>{t(adminStrings['backup.backupsAreTakenWhile'])}</p>
        <button type="button" className="btn btn-primary" onClick={() => void takeNow()} disabled={busy}>
          {busy ? t(adminStrings['backup.backingUp']) : t(adminStrings['backup.downloadABackupNow'])}
        </button>
        {message && <p role="status">{message}</p>}
      </section>
      {list && (
        <section className="card">
          <h2>{t(adminStrings['backup.automaticDailyBackups'])}</h2>
          <p className="muted">
            {t(
              localizedText(adminStrings['backup.schedule'], {
                hour: list.settings.hour,
                keepDays: list.settings.keepDays,
              }),
            )}
          </p>
          <table className="table">
            <thead>
              <tr>
                <th>{t(adminStrings['backup.date'])}</th>
                <th>{t(adminStrings['backup.file'])}</th>
                <th className="num">{t(adminStrings['backup.size'])}</th>
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
                  <td colSpan={3}>{t(adminStrings['backup.noAutomaticBackupYet'])}</td>
                </tr>
              )}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
