import type { LocalizedName } from '@motcua/core';
import { useLanguage } from '@motcua/ui';
import type { ActionAvailability, CounterActionId } from './counterActions';
import { actionKeys } from './shortcuts';

export const actionNames: Record<Exclude<CounterActionId, 'callChosen'>, LocalizedName> = {
  callNext: { vi: 'Gọi số tiếp', en: 'Call next' },
  recall: { vi: 'Gọi lại', en: 'Recall' },
  start: { vi: 'Bắt đầu', en: 'Start serving' },
  finish: { vi: 'Hoàn thành', en: 'Finish' },
  noShow: { vi: 'Vắng mặt', en: 'No-show' },
  transfer: { vi: 'Chuyển', en: 'Transfer' },
  park: { vi: 'Tạm giữ', en: 'Put on hold' },
  resume: { vi: 'Tiếp tục', en: 'Resume' },
  returnToQueue: { vi: 'Quay lại hàng chờ', en: 'Back to queue' },
  pause: { vi: 'Tạm nghỉ', en: 'Pause counter' },
  reopen: { vi: 'Làm việc tiếp', en: 'Resume work' },
};

export function ActionButton({
  id,
  availability,
  onRun,
  variant = 'default',
  showHint = true,
  compact = false,
  label,
}: {
  id: Exclude<CounterActionId, 'callChosen'>;
  availability: ActionAvailability;
  onRun: () => void;
  variant?: 'primary' | 'ok' | 'warn' | 'default';
  showHint?: boolean;
  compact?: boolean;
  label?: LocalizedName;
}) {
  const { t } = useLanguage();
  const reason = availability.reason ? t(availability.reason) : undefined;
  return (
    <div className={`action${compact ? ' action--compact' : ''}`} title={reason}>
      <button
        type="button"
        className={`btn btn--${variant}`}
        disabled={!availability.enabled}
        title={reason}
        aria-keyshortcuts={actionKeys[id]}
        onClick={onRun}
        data-testid={`action-${id}`}
      >
        <span className="btn__label">{t(label ?? actionNames[id])}</span>
        <kbd>{actionKeys[id]}</kbd>
      </button>
      {showHint && reason && (
        <small className="action__hint" data-testid={`hint-${id}`}>
          {reason}
        </small>
      )}
    </div>
  );
}
