import { useEffect, useState, type FormEvent } from 'react';
import { HubClient, HubProvider, localTokenStore, useHubClient, useHubSnapshot } from '@motcua/client';
import { errorMessages, sortedCounters } from '@motcua/core';
import { ConnectionBanner, LanguageSwitch, PairingScreen, useLanguage } from '@motcua/ui';
import { askNotificationPermission, unlockSound } from './attention';
import { CompactBar } from './CompactBar';
import { CounterScreen } from './CounterScreen';
import { desktopBridge } from './desktopBridge';

const STORAGE_PREFIX = 'motcua.counter.';
const COUNTER_KEY = `${STORAGE_PREFIX}counterId`;

function rememberedCounter(): string | null {
  try {
    return localStorage.getItem(COUNTER_KEY);
  } catch {
    return null;
  }
}

function rememberCounter(counterId: string): void {
  try {
    localStorage.setItem(COUNTER_KEY, counterId);
  } catch {
    // Private mode: the clerk picks the counter again next time.
  }
  desktopBridge()?.rememberCounter(counterId);
}

export function CounterApp({ compact, preferredCounterId }: { compact: boolean; preferredCounterId: string | null }) {
  const [client] = useState(() =>
    new HubClient({
      deviceKind: 'counter',
      deviceName: 'Máy tính quầy',
      storage: localTokenStore(STORAGE_PREFIX),
    }).connect(),
  );
  return (
    <HubProvider client={client}>
      <ConnectionBanner discreet={compact} />
      <CounterGate compact={compact} preferredCounterId={preferredCounterId} />
    </HubProvider>
  );
}

function CounterGate({ compact, preferredCounterId }: { compact: boolean; preferredCounterId: string | null }) {
  const { state, identity, pairing } = useHubSnapshot();
  const { t } = useLanguage();
  if (pairing.status === 'pending') return <PairingScreen code={pairing.pairingCode} />;
  const actor = identity?.actor;
  if (state && actor?.kind === 'user' && actor.role === 'clerk' && actor.counterId) {
    return compact ? (
      <CompactBar counterId={actor.counterId} />
    ) : (
      <CounterScreen counterId={actor.counterId} clerkId={actor.userId} />
    );
  }
  if (!state) {
    return (
      <main className={compact ? 'compact compact--message' : 'counter-loading'} data-testid="counter-loading">
        {t({ vi: 'Đang kết nối tới máy chủ…', en: 'Connecting to the hub…' })}
      </main>
    );
  }
  if (compact) {
    return (
      <main className="compact compact--message" data-testid="compact-signed-out">
        {t({ vi: 'Đăng nhập ở cửa sổ chính của quầy.', en: 'Sign in in the main counter window.' })}
      </main>
    );
  }
  return <SignIn preferredCounterId={preferredCounterId} />;
}

function SignIn({ preferredCounterId }: { preferredCounterId: string | null }) {
  const client = useHubClient();
  const { state, identity } = useHubSnapshot();
  const { t } = useLanguage();
  const counters = state ? sortedCounters(state) : [];
  const boundCounterId = identity?.device?.counterId ?? null;
  const initial = boundCounterId ?? preferredCounterId ?? rememberedCounter() ?? counters[0]?.id ?? '';
  const [counterId, setCounterId] = useState(initial);
  const [username, setUsername] = useState('');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  /** The counter the clerk works at now, while they confirm moving here. */
  const [movingFrom, setMovingFrom] = useState<number | null>(null);
  const chosen = boundCounterId ?? counterId;

  async function signIn(moveFromOtherCounter: boolean) {
    setSending(true);
    setError(null);
    const reply = await client.signIn(username.trim().toLowerCase(), pin, chosen || null, moveFromOtherCounter);
    setSending(false);
    setMovingFrom(null);
    if (!reply.ok) {
      if (reply.code === 'CLERK_AT_OTHER_COUNTER' && typeof reply.details?.counterNumber === 'number') {
        setMovingFrom(reply.details.counterNumber);
        return;
      }
      setError(t(errorMessages[reply.code]));
      setPin('');
      return;
    }
    if (reply.counterId) rememberCounter(reply.counterId);
    else setError(t({ vi: 'Tài khoản này không phải cán bộ quầy.', en: 'This account is not a counter clerk.' }));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    unlockSound();
    askNotificationPermission();
    void signIn(false);
  }

  return (
    <main className="signin">
      <form className="signin__card" onSubmit={submit} data-testid="signin-form">
        <div className="signin__top">
          <h1>{t({ vi: 'Đăng nhập quầy giao dịch', en: 'Counter sign-in' })}</h1>
          <LanguageSwitch />
        </div>
        <p className="signin__office">{state?.config.office.name}</p>
        <label>
          <span>{t({ vi: 'Quầy', en: 'Counter' })}</span>
          {boundCounterId ? (
            <strong data-testid="bound-counter">
              {state?.config.counters[boundCounterId]?.name.vi ?? boundCounterId}{' '}
              <small>{t({ vi: '(máy gắn với quầy này)', en: '(this device is bound to it)' })}</small>
            </strong>
          ) : (
            <select value={counterId} onChange={(e) => setCounterId(e.target.value)} data-testid="signin-counter">
              {counters.map((c) => (
                <option key={c.id} value={c.id}>
                  {t(c.name)}
                </option>
              ))}
            </select>
          )}
        </label>
        <label>
          <span>{t({ vi: 'Tên đăng nhập', en: 'Username' })}</span>
          <input
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            autoComplete="username"
            autoCapitalize="none"
            autoFocus
            required
            data-testid="signin-username"
          />
        </label>
        <label>
          <span>{t({ vi: 'Mã PIN', en: 'PIN' })}</span>
          <input
            value={pin}
            onChange={(e) => setPin(e.target.value)}
            type="password"
            inputMode="numeric"
            autoComplete="current-password"
            minLength={4}
            maxLength={12}
            required
            data-testid="signin-pin"
          />
        </label>
        {movingFrom !== null && (
          <div className="signin__confirm" role="alertdialog" data-testid="signin-move-confirm">
            <p>
              {t({
                vi: `Ông/Bà đang làm việc tại Quầy ${movingFrom}. Chuyển sang quầy này? Quầy ${movingFrom} sẽ đóng.`,
                en: `You are working at counter ${movingFrom}. Move to this counter? Counter ${movingFrom} will close.`,
              })}
            </p>
            <button
              type="button"
              className="btn btn--primary"
              disabled={sending}
              onClick={() => void signIn(true)}
              data-testid="signin-move-confirm-yes"
            >
              {t({ vi: 'Chuyển sang quầy này', en: 'Move to this counter' })}
            </button>
            <button type="button" className="btn btn--ghost" onClick={() => setMovingFrom(null)}>
              {t({ vi: 'Hủy', en: 'Cancel' })}
            </button>
          </div>
        )}
        {error && (
          <p className="signin__error" role="alert" data-testid="signin-error">
            {error}
          </p>
        )}
        <button type="submit" className="btn btn--primary" disabled={sending || !chosen} data-testid="signin-submit">
          {sending ? t({ vi: 'Đang đăng nhập…', en: 'Signing in…' }) : t({ vi: 'Đăng nhập', en: 'Sign in' })}
        </button>
        <StartAtLoginOption />
        <p className="signin__note">
          {t({
            vi: 'Số đang phục vụ được giữ nguyên khi đổi ca: cán bộ ca sau đăng nhập là tiếp tục được.',
            en: 'The current ticket stays when shifts change: the next clerk signs in and carries on.',
          })}
        </p>
      </form>
    </main>
  );
}

/** In the Electron shell only: whether the counter app starts when the clerk logs in to the PC. */
function StartAtLoginOption() {
  const { t } = useLanguage();
  const bridge = desktopBridge();
  const [enabled, setEnabled] = useState<boolean | null>(null);
  useEffect(() => {
    void bridge?.getStartAtLogin().then(setEnabled);
  }, [bridge]);
  if (!bridge || enabled === null) return null;
  return (
    <label className="signin__option">
      <input
        type="checkbox"
        checked={enabled}
        onChange={(e) => {
          setEnabled(e.target.checked);
          void bridge.setStartAtLogin(e.target.checked);
        }}
      />
      <span>
        {t({ vi: 'Mở phần mềm quầy khi đăng nhập máy tính', en: 'Open the counter app when this PC starts' })}
      </span>
    </label>
  );
}
