import type { LocalizedName } from '@motcua/core';
import { useLanguage } from '@motcua/ui';
import { useState } from 'react';
import { useEscape } from './useEscape';

const pauseReasons: LocalizedName[] = [
  { vi: 'Nghỉ giữa giờ', en: 'Short break' },
  { vi: 'Họp', en: 'Meeting' },
  { vi: 'Xử lý hồ sơ tồn', en: 'Working on pending files' },
  { vi: 'Hỗ trợ quầy khác', en: 'Helping another counter' },
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
        <h2>{t({ vi: 'Tạm nghỉ quầy', en: 'Pause the counter' })}</h2>
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
          <span>{t({ vi: 'Lý do', en: 'Reason' })}</span>
          <input
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={200}
            data-testid="pause-reason"
          />
        </label>
        <div className="dialog__buttons">
          <button type="button" className="btn btn--ghost" onClick={onCancel}>
            {t({ vi: 'Hủy (Esc)', en: 'Cancel (Esc)' })}
          </button>
          <button type="submit" className="btn btn--warn" disabled={!reason.trim()} data-testid="pause-confirm">
            {t({ vi: 'Tạm nghỉ', en: 'Pause' })}
          </button>
        </div>
      </form>
    </div>
  );
}
