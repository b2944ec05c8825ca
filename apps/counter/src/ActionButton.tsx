import type { LocalizedName } from '@motcua/core';
import { useLanguage } from '@motcua/ui';
import type { ActionAvailability, CounterActionId } from './counterActions';
import { actionKeys } from './shortcuts';
import { counterText } from './i18n/strings';

export const actionNames: Record<Exclude<CounterActionId, 'callChosen'>, LocalizedName> = {
  callNext: counterText('action.callNext'),
  recall: counterText('action.recall'),
  start: counterText('action.startServing'),
  finish: counterText('action.finish'),
  noShow: counterText('action.noShow'),
  transfer: counterText('action.transfer'),
  park: counterText('action.putOnHold'),
  resume: counterText('action.resume'),
  returnToQueue: counterText('action.backToQueue'),
  pause: counterText('action.pauseCounter'),
  reopen: counterText('action.resumeWork'),
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
