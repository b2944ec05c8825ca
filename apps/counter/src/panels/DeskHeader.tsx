import { useHubClient } from '@motcua/client';
import type { CounterState, QueueState } from '@motcua/core';
import { LanguageSwitch, useLanguage } from '@motcua/ui';
import { ActionButton } from '../ActionButton';
import type { CounterActions } from '../counterActions';
import { desktopBridge } from '../desktopBridge';
import { useCounterText } from '../i18n/strings';

/** Counter, clerk and status, with pause/resume, the compact bar, the language and signing out. */
export function DeskHeader(props: {
  state: QueueState;
  counterId: string;
  clerkId: string;
  status: CounterState;
  actions: CounterActions;
  onPause(): void;
  onReopen(): void;
}) {
  const client = useHubClient();
  const { t } = useLanguage();
  const text = useCounterText();
  const { state, counterId, clerkId, status, actions } = props;
  const counter = state.config.counters[counterId];
  const clerk = state.config.users[clerkId];

  function openCompact() {
    const bridge = desktopBridge();
    if (bridge) bridge.toggleCompact();
    else window.open('?compact=1', 'motcua-compact', 'width=420,height=90');
  }

  return (
    <header className="desk__header">
      <div className="desk__title">
        <h1 data-testid="counter-name">{counter ? t(counter.name) : counterId}</h1>
        <span className="desk__clerk" data-testid="clerk-name">
          {text('deskHeader.clerk')}: <strong>{clerk?.displayName ?? clerkId}</strong>
        </span>
        <span className={`pill pill--${status.status}`} data-testid="counter-status">
          {status.status === 'open'
            ? text('deskHeader.open')
            : status.status === 'paused'
              ? `${text('deskHeader.paused')}: ${status.pauseReason ?? ''}`
              : text('deskHeader.closed')}
        </span>
      </div>
      <div className="desk__tools">
        {status.status === 'paused' ? (
          <ActionButton id="reopen" availability={actions.reopen} onRun={props.onReopen} showHint={false} />
        ) : (
          <ActionButton id="pause" availability={actions.pause} onRun={props.onPause} showHint={false} />
        )}
        <button type="button" className="btn btn--ghost" onClick={openCompact} data-testid="open-compact">
          {text('deskHeader.compactBar')}
        </button>
        <LanguageSwitch />
        <button
          type="button"
          className="btn btn--ghost"
          onClick={() => void client.signOut()}
          data-testid="sign-out"
          title={text('deskHeader.signOutHint')}
        >
          {text('deskHeader.signOut')}
        </button>
      </div>
    </header>
  );
}
