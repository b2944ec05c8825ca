import { sortedCounters, sortedServices, type Placement, type QueueState, type Ticket } from '@motcua/core';
import { useLanguage } from '@motcua/ui';
import { useState } from 'react';
import type { TransferTarget } from '../useCounterDesk';
import { useEscape } from './useEscape';

/** Sends the current ticket to another procedure or counter, keeping its place or at the front. */
export function TransferDialog({
  state,
  ticket,
  counterId,
  onCancel,
  onTransfer,
}: {
  state: QueueState;
  ticket: Ticket;
  counterId: string;
  onCancel: () => void;
  onTransfer: (target: TransferTarget, placement: Placement) => Promise<void>;
}) {
  const { t } = useLanguage();
  useEscape(onCancel);
  const services = sortedServices(state).filter((s) => s.id !== ticket.serviceId);
  const counters = sortedCounters(state).filter((c) => c.id !== counterId);
  const [target, setTarget] = useState(services[0] ? `service:${services[0].id}` : '');
  const [placement, setPlacement] = useState<Placement>('keepPlace');
  const [, kind, id] = /^(service|counter):(.+)$/.exec(target) ?? [];
  const chosen: TransferTarget | null =
    kind === 'service' && id ? { toServiceId: id } : kind === 'counter' && id ? { toCounterId: id } : null;
  return (
    <div className="dialog" role="dialog" aria-modal="true" data-testid="transfer-dialog">
      <form
        className="dialog__card"
        onSubmit={(e) => {
          e.preventDefault();
          if (chosen) void onTransfer(chosen, placement);
        }}
      >
        <h2>
          {t({ vi: 'Chuyển số', en: 'Transfer ticket' })} {ticket.label}
        </h2>
        <label>
          <span>{t({ vi: 'Chuyển đến', en: 'Transfer to' })}</span>
          <select value={target} onChange={(e) => setTarget(e.target.value)} autoFocus data-testid="transfer-target">
            <optgroup label={t({ vi: 'Thủ tục khác', en: 'Another service' })}>
              {services.map((s) => (
                <option key={s.id} value={`service:${s.id}`}>
                  {t(s.name)}
                </option>
              ))}
            </optgroup>
            <optgroup label={t({ vi: 'Quầy khác', en: 'Another counter' })}>
              {counters.map((c) => (
                <option key={c.id} value={`counter:${c.id}`}>
                  {t(c.name)}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
        <fieldset>
          <legend>{t({ vi: 'Vị trí trong hàng chờ', en: 'Place in the queue' })}</legend>
          <label className="radio">
            <input
              type="radio"
              checked={placement === 'keepPlace'}
              onChange={() => setPlacement('keepPlace')}
              data-testid="placement-keepPlace"
            />
            {t({ vi: 'Giữ thứ tự theo giờ lấy số', en: 'Keep its place (by issue time)' })}
          </label>
          <label className="radio">
            <input
              type="radio"
              checked={placement === 'front'}
              onChange={() => setPlacement('front')}
              data-testid="placement-front"
            />
            {t({ vi: 'Lên đầu hàng chờ', en: 'To the front of the queue' })}
          </label>
        </fieldset>
        <div className="dialog__buttons">
          <button type="button" className="btn btn--ghost" onClick={onCancel}>
            {t({ vi: 'Hủy (Esc)', en: 'Cancel (Esc)' })}
          </button>
          <button type="submit" className="btn btn--primary" disabled={!chosen} data-testid="transfer-confirm">
            {t({ vi: 'Chuyển (Enter)', en: 'Transfer (Enter)' })}
          </button>
        </div>
      </form>
    </div>
  );
}
