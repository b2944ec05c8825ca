import { useEffect } from 'react';
import { counterState } from '@motcua/core';
import { ActionButton } from './ActionButton';
import { desktopBridge, onShellAction } from './desktopBridge';
import { formatDuration } from './format';
import { actionForKey } from './shortcuts';
import { useCounterDesk } from './useCounterDesk';
import { useHubNow } from '@motcua/ui';
import { counterText, useCounterText } from './i18n/strings';

/** The 420×90 always-on-top bar: the current ticket and the four buttons a clerk needs all day. */
export function CompactBar({ counterId }: { counterId: string }) {
  const text = useCounterText();
  const now = useHubNow();
  const { state, actions, desk, ticket, waiting } = useCounterDesk(counterId);
  const paused = state ? counterState(state, counterId).status === 'paused' : false;

  function run(id: 'callNext' | 'recall' | 'finish' | 'noShow') {
    if (!actions?.[id].enabled) return;
    if (id === 'callNext') void desk.callNext();
    else if (ticket) void desk[id](ticket.id);
  }

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const id = actionForKey({ ...event, key: event.key }, paused);
      if (id === 'callNext' || id === 'recall' || id === 'finish' || id === 'noShow') {
        event.preventDefault();
        run(id);
      }
    }
    window.addEventListener('keydown', onKey);
    const stopShell = onShellAction(run);
    return () => {
      window.removeEventListener('keydown', onKey);
      stopShell();
    };
  });

  if (!state || !actions) return null;
  const since = ticket ? (ticket.status === 'serving' ? ticket.startedAt : ticket.calledAt) : null;
  const bridge = desktopBridge();
  return (
    <main className="compact" data-testid="compact-bar">
      <div className="compact__ticket" title={paused ? text('compactBar.paused') : undefined}>
        <strong data-testid="compact-label">{ticket?.label ?? '—'}</strong>
        <span>
          {ticket && since !== null ? formatDuration(now - since) : `${text('compactBar.waiting')}: ${waiting.length}`}
        </span>
      </div>
      <div className="compact__buttons">
        <ActionButton
          id="callNext"
          variant="primary"
          availability={actions.callNext}
          onRun={() => run('callNext')}
          showHint={false}
          compact
          label={counterText('compactBar.next')}
        />
        <ActionButton id="recall" availability={actions.recall} onRun={() => run('recall')} showHint={false} compact />
        <ActionButton
          id="finish"
          variant="ok"
          availability={actions.finish}
          onRun={() => run('finish')}
          showHint={false}
          compact
          label={counterText('compactBar.done')}
        />
        <ActionButton
          id="noShow"
          variant="warn"
          availability={actions.noShow}
          onRun={() => run('noShow')}
          showHint={false}
          compact
          label={counterText('compactBar.absent')}
        />
      </div>
      <button
        type="button"
        className="compact__expand"
        title={text('compactBar.openFullWindow')}
        aria-label={text('compactBar.openFullWindow')}
        onClick={() => (bridge ? bridge.toggleCompact() : window.close())}
      >
        ⤢
      </button>
    </main>
  );
}
