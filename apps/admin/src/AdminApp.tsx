import { errorMessages, type Role } from '@motcua/core';
import { useConnection, useHubClient } from '@motcua/client';
import { ConnectionBanner, LanguageSwitch, useLanguage } from '@motcua/ui';
import { useEffect, useState, type FormEvent } from 'react';
import { AppointmentsPage } from './AppointmentsPage';
import { AuditPage } from './AuditPage';
import { BackupPage } from './BackupPage';
import { ChangePassword, PasswordField } from './ChangePassword';
import { ConfigPage } from './ConfigPage';
import { MonitorPage } from './MonitorPage';
import { ProceduresPage } from './ProceduresPage';
import { ReportsPage } from './ReportsPage';
import { VoicePage } from './VoicePage';
import { WebhooksPage } from './WebhooksPage';

export const CLERK_REFUSAL = {
  vi: 'Tài khoản cán bộ không có quyền vào trang quản trị',
  en: 'Clerk accounts cannot open the admin pages',
};

type PageId =
  'monitor' | 'reports' | 'config' | 'procedures' | 'appointments' | 'webhooks' | 'voice' | 'audit' | 'backup';

/** `vi`/`en` are the short names in the navigation bar; each page's heading gives the full one. */
const PAGES: { id: PageId; vi: string; en: string; roles: Role[] }[] = [
  { id: 'monitor', vi: 'Giám sát trực tiếp', en: 'Live monitor', roles: ['admin', 'supervisor'] },
  { id: 'reports', vi: 'Báo cáo', en: 'Reports', roles: ['admin', 'supervisor'] },
  { id: 'config', vi: 'Cấu hình', en: 'Configuration', roles: ['admin'] },
  { id: 'procedures', vi: 'Thủ tục', en: 'Procedures', roles: ['admin'] },
  { id: 'appointments', vi: 'Lịch hẹn', en: 'Booking', roles: ['admin'] },
  { id: 'webhooks', vi: 'Webhook', en: 'Webhooks', roles: ['admin'] },
  { id: 'voice', vi: 'Giọng đọc', en: 'Voice', roles: ['admin'] },
  { id: 'audit', vi: 'Nhật ký', en: 'Audit log', roles: ['admin', 'supervisor'] },
  { id: 'backup', vi: 'Sao lưu', en: 'Backups', roles: ['admin'] },
];

function pageFromHash(): PageId {
  const id = window.location.hash.replace(/^#\/?/, '').split('/')[0];
  return PAGES.some((p) => p.id === id) ? (id as PageId) : 'monitor';
}

export function AdminApp() {
  const { identity, connection } = useConnection();
  const client = useHubClient();
  const { t } = useLanguage();
  const [page, setPage] = useState<PageId>(pageFromHash);
  const [refused, setRefused] = useState(false);
  const actor = identity?.actor;
  const isClerk = actor?.kind === 'user' && actor.role === 'clerk';
  useEffect(() => {
    if (!isClerk) return;
    setRefused(true);
    void client.signOut();
  }, [isClerk, client]);

  if (identity?.mustChangePassword && identity.user) {
    return (
      <>
        <ConnectionBanner />
        <ChangePassword displayName={identity.user.displayName} />
      </>
    );
  }
  if (!actor || actor.kind !== 'user' || actor.role === 'clerk') {
    return (
      <>
        <ConnectionBanner />
        <SignIn
          waiting={connection !== 'online' || identity === null}
          initialError={refused ? t(CLERK_REFUSAL) : undefined}
        />
      </>
    );
  }
  const user = client.state?.config.users[actor.userId];
  const visible = PAGES.filter((p) => p.roles.includes(actor.role));
  const current = visible.some((p) => p.id === page) ? page : 'monitor';
  const go = (id: PageId) => {
    window.location.hash = `/${id}`;
    setPage(id);
  };
  return (
    <div className="admin">
      <ConnectionBanner />
      <header className="admin-header">
        <div className="admin-brand">
          <strong>{client.state?.config.office.name ?? 'Bộ phận Một cửa'}</strong>
          <span>{t({ vi: 'Trang quản trị', en: 'Administration' })}</span>
        </div>
        <nav className="admin-nav" aria-label={t({ vi: 'Trang', en: 'Pages' })}>
          {visible.map((p) => (
            <button
              key={p.id}
              type="button"
              aria-current={current === p.id ? 'page' : undefined}
              onClick={() => go(p.id)}
              data-testid={`nav-${p.id}`}
            >
              {t(p)}
            </button>
          ))}
        </nav>
        <div className="admin-user">
          <span>
            {user?.displayName ?? actor.userId} ·{' '}
            {actor.role === 'admin' ? t({ vi: 'Quản trị', en: 'Admin' }) : t({ vi: 'Giám sát', en: 'Supervisor' })}
          </span>
          <LanguageSwitch />
          <button type="button" className="btn" onClick={() => void client.signOut()}>
            {t({ vi: 'Đăng xuất', en: 'Sign out' })}
          </button>
        </div>
      </header>
      <main className="admin-main">
        {current === 'monitor' && <MonitorPage />}
        {current === 'reports' && <ReportsPage />}
        {current === 'config' && <ConfigPage />}
        {current === 'procedures' && <ProceduresPage />}
        {current === 'appointments' && <AppointmentsPage />}
        {current === 'webhooks' && <WebhooksPage />}
        {current === 'voice' && <VoicePage />}
        {current === 'audit' && <AuditPage />}
        {current === 'backup' && <BackupPage />}
      </main>
    </div>
  );
}

function SignIn({ waiting, initialError }: { waiting: boolean; initialError?: string | undefined }) {
  const client = useHubClient();
  const { t } = useLanguage();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(initialError ?? null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const reply = await client.signIn(username.trim(), password);
    setBusy(false);
    if (reply.ok) {
      if (reply.user.role === 'clerk') {
        await client.signOut();
        setError(t(CLERK_REFUSAL));
      }
      return;
    }
    // The hub accepts a clerk's PIN only on a paired counter device: here it means "a clerk account".
    if (reply.code === 'CLERK_DEVICE_REQUIRED') setError(t(CLERK_REFUSAL));
    else setError(t(errorMessages[reply.code]));
  };

  return (
    <div className="signin">
      <form className="signin-card" onSubmit={(e) => void submit(e)}>
        <h1>{t({ vi: 'Đăng nhập quản trị', en: 'Admin sign-in' })}</h1>
        <p className="muted">
          {t({
            vi: 'Dành cho quản trị viên và lãnh đạo giám sát. Cán bộ một cửa đăng nhập tại quầy.',
            en: 'For administrators and supervisors. Clerks sign in at their counter.',
          })}
        </p>
        <label>
          {t({ vi: 'Tên đăng nhập', en: 'Username' })}
          <input
            name="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            required
          />
        </label>
        <PasswordField
          label={t({ vi: 'Mật khẩu hoặc mã PIN', en: 'Password or PIN' })}
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
        />
        {error && (
          <p className="form-error" role="alert" data-testid="signin-error">
            {error}
          </p>
        )}
        <button className="btn btn-primary" type="submit" disabled={busy || waiting}>
          {waiting ? t({ vi: 'Đang kết nối…', en: 'Connecting…' }) : t({ vi: 'Đăng nhập', en: 'Sign in' })}
        </button>
        <div className="signin-lang">
          <LanguageSwitch />
        </div>
      </form>
    </div>
  );
}
