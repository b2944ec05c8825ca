import { useEffect, useState, type FormEvent } from 'react';
import { HubClient, HubProvider, localTokenStore, useHubClient, useHubSnapshot } from '@motcua/client';
import { errorMessages, sortedCounters } from '@motcua/core';
import { ConnectionBanner, LanguageSwitch, PairingScreen, useLanguage } from '@motcua/ui';
import { askNotificationPermission, unlockSound } from './attention';
import { CompactBar } from './CompactBar';
import { CounterScreen } from './CounterScreen';
import { desktopBridge } from './desktopBridge';
import { counterStrings, useCounterText } from './i18n/strings';

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
      deviceName: counterStrings['device.counter'].vi,
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
  const text = useCounterText();
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
        {text('signIn.connecting')}
      </main>
    );
  }
  if (compact) {
    return (
      <main className="compact compact--message" data-testid="compact-signed-out">
        {text('signIn.useMainWindow')}
      </main>
    );
  }
  return <SignIn preferredCounterId={preferredCounterId} />;
}

function SignIn({ preferredCounterId }: { preferredCounterId: string | null }) {
  const client = useHubClient();
  const { state, identity } = useHubSnapshot();
  const { t } = useLanguage();
  const text = useCounterText();
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
    else setError(text('signIn.notAClerk'));
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
          <h1>{text('signIn.title')}</h1>
          <LanguageSwitch />
        </div>
        <p className="signin__office">{state?.config.office.name}</p>
        <label>
          <span>{text('signIn.counter')}</span>
          {boundCounterId ? (
            <strong data-testid="bound-counter">
              {state?.config.counters[boundCounterId]?.name.vi ?? boundCounterId}{' '}
              <small>{text('signIn.deviceBound')}</small>
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
          <span>{text('signIn.username')}</span>
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
          <span>{text('signIn.pin')}</span>
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
            <p>{text('signIn.moveConfirm', { counter: movingFrom })}</p>
            <button
              type="button"
              className="btn btn--primary"
              disabled={sending}
              onClick={() => void signIn(true)}
              data-testid="signin-move-confirm-yes"
            >
              {text('signIn.moveHere')}
            </button>
            <button type="button" className="btn btn--ghost" onClick={() => setMovingFrom(null)}>
              {text('signIn.cancel')}
            </button>
          </div>
        )}
        {error && (
          <p className="signin__error" role="alert" data-testid="signin-error">
            {error}
          </p>
        )}
        <button type="submit" className="btn btn--primary" disabled={sending || !chosen} data-testid="signin-submit">
          {sending ? text('signIn.signingIn') : text('signIn.submit')}
        </button>
        <StartAtLoginOption />
        <p className="signin__note">{text('signIn.shiftNote')}</p>
      </form>
    </main>
  );
}

/** In the Electron shell only: whether the counter app starts when the clerk logs in to the PC. */
function StartAtLoginOption() {
  const text = useCounterText();
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
      <span>{text('signIn.startAtLogin')}</span>
    </label>
  );
}
