import { useHubClient } from '@motcua/client';
import type { CounterState, QueueState } from '@motcua/core';
import { LanguageSwitch, useLanguage } from '@motcua/ui';
import { ActionButton } from '../ActionButton';
import type { CounterActions } from '../counterActions';
import { desktopBridge } from '../desktopBridge';

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
          {t({ vi: 'Cán bộ', en: 'Clerk' })}: <strong>{clerk?.displayName ?? clerkId}</strong>
        </span>
        <span className={`pill pill--${status.status}`} data-testid="counter-status">
          {status.status === 'open'
            ? t({ vi: 'Đang làm việc', en: 'Open' })
            : status.status === 'paused'
              ? `${t({ vi: 'Tạm nghỉ', en: 'Paused' })}: ${status.pauseReason ?? ''}`
              : t({ vi: 'Đóng', en: 'Closed' })}
        </span>
      </div>
      <div className="desk__tools">
        {status.status === 'paused' ? (
          <ActionButton id="reopen" availability={actions.reopen} onRun={props.onReopen} showHint={false} />
        ) : (
          <ActionButton id="pause" availability={actions.pause} onRun={props.onPause} showHint={false} />
        )}
        <button type="button" className="btn btn--ghost" onClick={openCompact} data-testid="open-compact">
          {t({ vi: 'Thu gọn', en: 'Compact bar' })}
        </button>
        <LanguageSwitch />
        <button
          type="button"
          className="btn btn--ghost"
          onClick={() => void client.signOut()}
          data-testid="sign-out"
          title={t({
            vi: 'Đăng xuất hoặc đổi ca. Số đang phục vụ vẫn được giữ ở quầy.',
            en: 'Sign out or change shift. The current ticket stays at the counter.',
          })}
        >
          {t({ vi: 'Đăng xuất / Đổi ca', en: 'Sign out / Shift change' })}
        </button>
      </div>
    </header>
  );
}
