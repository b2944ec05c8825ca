import type { LocalizedName } from '@motcua/core';
import { useLanguage } from '@motcua/ui';
import { useState } from 'react';
import { useEscape } from './useEscape';
import { counterText, useCounterText } from '../i18n/strings';

const pauseReasons: LocalizedName[] = [
  counterText('pause.shortBreak'),
  counterText('pause.meeting'),
  counterText('pause.pendingFiles'),
  counterText('pause.helping'),
];

/** Pauses the counter with a reason the displays and admin see. */
export function PauseDialog({
  onCancel,
  onPause,
}: {
  onCancel: () => void;
  onPause: (reason: string) => Promise<void>;
}) {
  const { t } = useLanguage();
  const text = useCounterText();
  useEscape(onCancel);
  const [reason, setReason] = useState(pauseReasons[0]?.vi ?? '');
  return (
    <div className="dialog" role="dialog" aria-modal="true" data-testid="pause-dialog">
      <form
        className="dialog__card"
        onSubmit={(e) => {
          e.preventDefault();
          if (reason.trim()) void onPause(reason.trim());
        }}
      >
        <h2>{text('pause.title')}</h2>
        <div className="chips">
          {pauseReasons.map((r) => (
            <button
              key={r.vi}
              type="button"
              className={`chip${reason === r.vi ? ' chip--on' : ''}`}
              onClick={() => setReason(r.vi)}
            >
              {t(r)}
            </button>
          ))}
        </div>
        <label>
          <span>{text('pause.reason')}</span>
          <input
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={200}
            data-testid="pause-reason"
          />
        </label>
        <div className="dialog__buttons">
          <button type="button" className="btn btn--ghost" onClick={onCancel}>
            {text('pause.cancel')}
          </button>
          <button type="submit" className="btn btn--warn" disabled={!reason.trim()} data-testid="pause-confirm">
            {text('pause.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
