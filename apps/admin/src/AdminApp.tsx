import { errorMessages, type Role } from '@motcua/core';
import { useConnection, useHubClient } from '@motcua/client';
import { ConnectionBanner, LanguageSwitch, useLanguage } from '@motcua/ui';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { AppointmentsPage } from './AppointmentsPage';
import { AuditPage } from './AuditPage';
import { BackupPage } from './BackupPage';
import { ChangePassword } from './ChangePassword';
import { ConfigPage } from './ConfigPage';
import { MonitorPage } from './MonitorPage';
import { ProceduresPage } from './ProceduresPage';
import { ReportsPage } from './ReportsPage';
import { VoicePage } from './VoicePage';
import { WebhooksPage } from './WebhooksPage';
import { FieldError, showFirstError } from './config/shared';
import { z } from './config/vietnameseZod';
import { adminStrings, adminVi, useAdminText } from './i18n/strings';

export const CLERK_REFUSAL = adminStrings['app.clerkAccountsCannotOpen'];

type PageId =
  'monitor' | 'reports' | 'config' | 'procedures' | 'appointments' | 'webhooks' | 'voice' | 'audit' | 'backup';

/** `vi`/`en` are the short names in the navigation bar; each page's heading gives the full one. */
const PAGES: { id: PageId; vi: string; en: string; roles: Role[] }[] = [
  { id: 'monitor', ...adminStrings['app.liveMonitor'], roles: ['admin', 'supervisor'] },
  { id: 'reports', ...adminStrings['app.reports'], roles: ['admin', 'supervisor'] },
  { id: 'config', ...adminStrings['config.title'], roles: ['admin'] },
  { id: 'procedures', ...adminStrings['app.procedures'], roles: ['admin'] },
  { id: 'appointments', ...adminStrings['app.booking'], roles: ['admin'] },
  { id: 'webhooks', vi: 'Webhook', en: 'Webhooks', roles: ['admin'] },
  { id: 'voice', ...adminStrings['app.voice'], roles: ['admin'] },
  { id: 'audit', ...adminStrings['app.auditLog'], roles: ['admin', 'supervisor'] },
  { id: 'backup', ...adminStrings['app.backups'], roles: ['admin'] },
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
          <strong>{client.state?.config.office.name ?? t(adminStrings['app.oneStopDesk'])}</strong>
          <span>{t(adminStrings['app.administration'])}</span>
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
            {actor.role === 'admin' ? t(adminStrings['app.admin']) : t(adminStrings['app.supervisor'])}
          </span>
          <LanguageSwitch />
          <button type="button" className="btn" onClick={() => void client.signOut()}>
            {t(adminStrings['password.signOut'])}
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

/** Both boxes filled in; whether they match an account is the hub's answer, shown under the form. */
export const signInSchema = z.object({
  username: z.string().trim().min(1, adminVi('signin.username.missing')),
  password: z.string().min(1, adminVi('signin.password.missing')),
});

function SignIn({ waiting, initialError }: { waiting: boolean; initialError?: string | undefined }) {
  const client = useHubClient();
  const { t } = useLanguage();
  const text = useAdminText();
  const formRef = useRef<HTMLFormElement>(null);
  const [error, setError] = useState<string | null>(initialError ?? null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<z.input<typeof signInSchema>, unknown, z.output<typeof signInSchema>>({
    resolver: zodResolver(signInSchema),
    defaultValues: { username: '', password: '' },
  });

  const submit = handleSubmit(
    async ({ username, password }) => {
      setError(null);
      const reply = await client.signIn(username, password);
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
    },
    () => showFirstError(formRef.current),
  );

  return (
    <div className="signin">
      <form ref={formRef} className="signin-card" onSubmit={(e) => void submit(e)} data-testid="signin-form" noValidate>
        <h1>{text('app.adminSignIn')}</h1>
        <p className="muted">{text('app.forAdministratorsAndSupervisors')}</p>
        <label>
          {text('users.username')}
          <input {...register('username')} autoComplete="username" aria-invalid={errors.username ? true : undefined} />
          <FieldError label={text('users.username')} error={errors.username?.message} />
        </label>
        <label>
          {text('app.passwordOrPin')}
          <input
            {...register('password')}
            type="password"
            autoComplete="current-password"
            aria-invalid={errors.password ? true : undefined}
          />
          <FieldError label={text('app.passwordOrPin')} error={errors.password?.message} />
        </label>
        {error && (
          <p className="form-error" role="alert" data-testid="signin-error">
            {error}
          </p>
        )}
        <button className="btn btn-primary" type="submit" disabled={isSubmitting || waiting}>
          {waiting ? text('app.connecting') : text('app.signIn')}
        </button>
        <div className="signin-lang">
          <LanguageSwitch />
        </div>
      </form>
    </div>
  );
}
