import { useState, useSyncExternalStore } from 'react';
import { useHubSnapshot } from '@motcua/client';
import { errorMessages } from '@motcua/core';
import { PairingScreen, useHubNow } from '@motcua/ui';
import { counterFromParam } from './boardModel';
import { CounterScreen, UnknownCounter } from './CounterScreen';
import { formatTimeOfDay } from './format';
import { useLastUpdate, useNewCallHighlight } from './hooks';
import type { SoundGate } from './soundGate';
import { bothLanguages, displayText } from './i18n/strings';
import { WallBoard } from './WallBoard';

export interface DisplayAppProps {
  /** `?counter=` for the small screen above one counter, or null for the waiting-room board. */
  counterParam: string | null;
  soundGate: SoundGate;
  unlockSound: () => Promise<boolean>;
}

/** Said discreetly in a corner: the board is dimmed and nothing is highlighted or read out meanwhile. */
function OfflineNotice({ lastUpdate, timeZone }: { lastUpdate: number | null; timeZone: string }) {
  return (
    <div className="offline-notice" role="status" data-testid="offline-notice">
      <span className="offline-dot" aria-hidden="true" />
      <span>
        {displayText('offline.reconnecting').vi}
        {lastUpdate !== null
          ? ` ${displayText('offline.lastUpdate', { time: formatTimeOfDay(lastUpdate, timeZone) }).vi}`
          : ''}
        <span className="en"> {displayText('offline.reconnecting').en}</span>
      </span>
    </div>
  );
}

/** Browsers keep sound off until someone clicks once; this is that one click. */
function SoundButton({ gate, unlock }: { gate: SoundGate; unlock: () => Promise<boolean> }) {
  const needed = useSyncExternalStore(gate.subscribe, gate.get);
  const [failed, setFailed] = useState(false);
  if (!needed) return null;
  return (
    <button
      type="button"
      className="sound-button"
      data-testid="sound-button"
      onClick={() => void unlock().then((ok) => setFailed(!ok))}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true">
        <path d="M4 9v6h4l5 4V5L8 9H4z" fill="currentColor" />
        <path d="M16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12" fill="none" stroke="currentColor" strokeWidth="2" />
      </svg>
      <span>
        {displayText('sound.turnOn').vi} <span className="en">{displayText('sound.turnOn').en}</span>
        {failed ? <span className="en"> · {bothLanguages('sound.failed')}</span> : null}
      </span>
    </button>
  );
}

function Splash({ title, detail }: { title: string; detail: string }) {
  return (
    <div className="notice-screen" data-testid="splash">
      <h1>{title}</h1>
      <p>{detail}</p>
    </div>
  );
}

export function DisplayApp({ counterParam, soundGate, unlockSound }: DisplayAppProps) {
  const { connection, state, pairing, problem } = useHubSnapshot();
  const now = useHubNow();
  const highlight = useNewCallHighlight();
  const lastUpdate = useLastUpdate();

  if (!state) {
    if (pairing.status === 'pending') return <PairingScreen code={pairing.pairingCode} />;
    if (problem) return <Splash title={errorMessages[problem.code].vi} detail={errorMessages[problem.code].en} />;
    return (
      <Splash
        title={displayText('connecting.title').vi}
        detail={`${displayText('connecting.title').en} ${bothLanguages('connecting.detail')}`}
      />
    );
  }

  const offline = connection !== 'online';
  const counter = counterParam ? counterFromParam(state, counterParam) : null;
  let screen;
  if (counterParam && !counter) screen = <UnknownCounter state={state} param={counterParam} />;
  else if (counter) screen = <CounterScreen state={state} counter={counter} highlight={highlight} now={now} />;
  else screen = <WallBoard state={state} highlight={highlight} now={now} />;

  return (
    <div className={`display${offline ? ' is-offline' : ''}`} data-testid="display" data-connection={connection}>
      {screen}
      {offline ? <OfflineNotice lastUpdate={lastUpdate} timeZone={state.config.office.timeZone} /> : null}
      <SoundButton gate={soundGate} unlock={unlockSound} />
    </div>
  );
}
