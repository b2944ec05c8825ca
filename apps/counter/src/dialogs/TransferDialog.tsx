import { sortedCounters, sortedServices, type Placement, type QueueState, type Ticket } from '@motcua/core';
import { useLanguage } from '@motcua/ui';
import { useState } from 'react';
import type { TransferTarget } from '../useCounterDesk';
import { useEscape } from './useEscape';
import { useCounterText } from '../i18n/strings';

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
  const text = useCounterText();
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
          {text('transfer.title')} {ticket.label}
        </h2>
        <label>
          <span>{text('transfer.to')}</span>
          <select value={target} onChange={(e) => setTarget(e.target.value)} autoFocus data-testid="transfer-target">
            <optgroup label={text('transfer.anotherProcedure')}>
              {services.map((s) => (
                <option key={s.id} value={`service:${s.id}`}>
                  {t(s.name)}
                </option>
              ))}
            </optgroup>
            <optgroup label={text('transfer.anotherCounter')}>
              {counters.map((c) => (
                <option key={c.id} value={`counter:${c.id}`}>
                  {t(c.name)}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
        <fieldset>
          <legend>{text('transfer.place')}</legend>
          <label className="radio">
            <input
              type="radio"
              checked={placement === 'keepPlace'}
              onChange={() => setPlacement('keepPlace')}
              data-testid="placement-keepPlace"
            />
            {text('transfer.keepPlace')}
          </label>
          <label className="radio">
            <input
              type="radio"
              checked={placement === 'front'}
              onChange={() => setPlacement('front')}
              data-testid="placement-front"
            />
            {text('transfer.toFront')}
          </label>
        </fieldset>
        <div className="dialog__buttons">
          <button type="button" className="btn btn--ghost" onClick={onCancel}>
            {text('pause.cancel')}
          </button>
          <button type="submit" className="btn btn--primary" disabled={!chosen} data-testid="transfer-confirm">
            {text('transfer.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
