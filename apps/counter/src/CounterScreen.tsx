import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useHubClient } from '@motcua/client';
import type { LocalizedName, Placement, QueueState, Ticket } from '@motcua/core';
import {
  clerkDayFigures,
  counterOfClerk,
  counterState,
  serviceQueueSummary,
  sortedCounters,
  sortedServices,
} from '@motcua/core';
import { LanguageSwitch, useLanguage } from '@motcua/ui';
import type { ActionAvailability, CounterActionId } from './counterActions';
import { desktopBridge, onShellAction } from './desktopBridge';
import { formatDuration, minutesSince } from './format';
import { DossierPanel } from './DossierPanel';
import { isHeldKey, readHeldKeys, SHORTCUT_HOLD_MS, type HeldKey } from './scanWedge';
import { actionForKey, actionKeys } from './shortcuts';
import { useCounterDesk, type TransferTarget } from './useCounterDesk';
import { useHubNow } from './useNow';

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

type Dialog = { kind: 'transfer'; ticket: Ticket } | { kind: 'pause' } | null;

export function CounterScreen({ counterId, clerkId }: { counterId: string; clerkId: string }) {
  const client = useHubClient();
  const { t } = useLanguage();
  const now = useHubNow();
  const { state, actions, desk, ticket, waiting, parked, noShows, notice } = useCounterDesk(counterId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [selected, setSelected] = useState(0);
  const selectedTicket = waiting[Math.min(selected, waiting.length - 1)];
  const [dossierProblem, setDossierProblem] = useState<string | null>(null);
  const heldKeys = useRef<HeldKey[]>([]);
  const holdTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  function run(id: CounterActionId) {
    if (!actions?.[id].enabled) return;
    switch (id) {
      case 'callNext':
        return void desk.callNext();
      case 'callChosen':
        return selectedTicket && void desk.callChosen(selectedTicket.id);
      case 'recall':
        return ticket && void desk.recall(ticket.id);
      case 'start':
        return ticket && void desk.start(ticket.id);
      case 'finish':
        return ticket && void desk.finish(ticket.id);
      case 'noShow':
        return ticket && void desk.noShow(ticket.id);
      case 'park':
        return ticket && void desk.park(ticket.id);
      case 'transfer':
        return ticket && setDialog({ kind: 'transfer', ticket });
      case 'resume':
        return parked[0] && void desk.resume(parked[0].id);
      case 'returnToQueue':
        return noShows[0] && void desk.returnToQueue(noShows[0].id, 'keepPlace');
      case 'pause':
        return setDialog({ kind: 'pause' });
      case 'reopen':
        return void desk.reopen();
    }
  }

  /** A code the scanner typed outside the dossier field: attach it to the ticket being served. */
  function scanned(code: string) {
    const active = ticket && (ticket.status === 'called' || ticket.status === 'serving') ? ticket : null;
    if (!active) {
      setDossierProblem(
        t({
          vi: `Đã quét mã ${code} nhưng chưa có số đang phục vụ: gọi số trước rồi quét lại.`,
          en: `Scanned ${code} but no ticket is being served: call one, then scan again.`,
        }),
      );
      return;
    }
    setDossierProblem(null);
    void desk.attachDossier(active.id, code);
  }

  const paused = state ? counterState(state, counterId).status === 'paused' : false;
  // The timer that ends a burst of held keys fires after a render: it reads this render's handlers.
  const latest = useRef({ scanned, run, paused });
  latest.current = { scanned, run, paused };
  useEffect(() => {
    if (dialog) return;
    function endBurst(enterAt: number | null) {
      if (holdTimer.current) clearTimeout(holdTimer.current);
      holdTimer.current = null;
      const meaning = readHeldKeys(heldKeys.current, enterAt);
      heldKeys.current = [];
      if (meaning.kind === 'scan') latest.current.scanned(meaning.code);
      if (meaning.kind !== 'shortcut') return;
      const id = actionForKey({ key: meaning.key }, latest.current.paused);
      if (id) latest.current.run(id);
    }
    function onKey(event: KeyboardEvent) {
      const target = event.target as HTMLElement | null;
      const inTextField = !!target?.closest('input, textarea, select');
      if (!inTextField && isHeldKey(event)) {
        // Held a moment: a scanner's burst is a dossier code, a lone key is a shortcut.
        event.preventDefault();
        heldKeys.current.push({ key: event.key, at: event.timeStamp });
        if (holdTimer.current) clearTimeout(holdTimer.current);
        holdTimer.current = setTimeout(() => endBurst(null), SHORTCUT_HOLD_MS);
        return;
      }
      if (!inTextField && event.key === 'Enter' && heldKeys.current.length > 0) {
        event.preventDefault();
        endBurst(event.timeStamp);
        return;
      }
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        if (inTextField) return;
        event.preventDefault();
        setSelected((s) => Math.max(0, Math.min(waiting.length - 1, s + (event.key === 'ArrowDown' ? 1 : -1))));
        return;
      }
      if (event.key === 'Enter' && !inTextField && !target?.closest('button')) {
        event.preventDefault();
        run('callChosen');
        return;
      }
      const id = actionForKey({ ...event, key: event.key, inTextField }, paused);
      if (!id) return;
      event.preventDefault();
      run(id);
    }
    window.addEventListener('keydown', onKey);
    const stopShell = onShellAction(run);
    return () => {
      window.removeEventListener('keydown', onKey);
      stopShell();
    };
  });

  if (!state || !actions) return null;
  const counter = state.config.counters[counterId];
  const status = counterState(state, counterId);
  const clerk = state.config.users[clerkId];
  const figures = clerkDayFigures(state, clerkId);
  // Signed in at another counter since: this screen says where they went instead of a bare "Đóng".
  const workingAt = status.clerkId === clerkId ? null : counterOfClerk(state, clerkId);
  const movedTo = workingAt && workingAt.id !== counterId ? workingAt : null;
  const bridge = desktopBridge();

  function openCompact() {
    if (bridge) bridge.toggleCompact();
    else window.open('?compact=1', 'motcua-compact', 'width=420,height=90');
  }

  return (
    <div className="desk">
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
            <ActionButton id="reopen" availability={actions.reopen} onRun={() => run('reopen')} showHint={false} />
          ) : (
            <ActionButton id="pause" availability={actions.pause} onRun={() => run('pause')} showHint={false} />
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

      {movedTo && (
        <div className="desk__paused desk__moved" role="status" data-testid="clerk-moved">
          {t({
            vi: `Cán bộ đã chuyển sang Quầy ${movedTo.number}. Quầy này đã đóng.`,
            en: `The clerk moved to counter ${movedTo.number}. This counter is closed.`,
          })}
        </div>
      )}

      {status.status === 'paused' && (
        <div className="desk__paused" role="status">
          {t({ vi: 'Quầy đang tạm nghỉ', en: 'The counter is paused' })}: <strong>{status.pauseReason}</strong>.{' '}
          {t({
            vi: 'Bấm "Làm việc tiếp" (phím P) để nhận công dân.',
            en: 'Press "Resume work" (key P) to take citizens.',
          })}
        </div>
      )}

      <main className="desk__main">
        <section className="current" aria-label={t({ vi: 'Số đang phục vụ', en: 'Current ticket' })}>
          <CurrentTicket
            state={state}
            counterId={counterId}
            ticket={ticket}
            now={now}
            canCallNext={actions.callNext.enabled}
          />
          <div className="current__actions">
            <ActionButton
              id="callNext"
              variant="primary"
              availability={actions.callNext}
              onRun={() => run('callNext')}
            />
            <ActionButton id="recall" availability={actions.recall} onRun={() => run('recall')} />
            <ActionButton id="start" availability={actions.start} onRun={() => run('start')} />
            <ActionButton id="finish" variant="ok" availability={actions.finish} onRun={() => run('finish')} />
            <ActionButton id="noShow" variant="warn" availability={actions.noShow} onRun={() => run('noShow')} />
            <ActionButton id="transfer" availability={actions.transfer} onRun={() => run('transfer')} />
            <ActionButton id="park" availability={actions.park} onRun={() => run('park')} />
            <ActionButton id="resume" availability={actions.resume} onRun={() => run('resume')} />
            <ActionButton id="returnToQueue" availability={actions.returnToQueue} onRun={() => run('returnToQueue')} />
          </div>
          <DossierPanel
            ticket={ticket}
            problem={dossierProblem}
            onAttach={(ticketId, code) => {
              setDossierProblem(null);
              return desk.attachDossier(ticketId, code);
            }}
          />
          {notice && (
            <p className={`notice notice--${notice.kind}`} role="status" data-testid="desk-notice">
              {t(notice.text)}
            </p>
          )}
          <Figures served={figures.served} noShows={figures.noShows} meanSeconds={figures.meanServiceSeconds} />
        </section>

        <section className="queue" aria-label={t({ vi: 'Hàng chờ', en: 'Waiting list' })}>
          <ServiceSummaries state={state} counterId={counterId} now={now} />
          <div className="queue__head">
            <h2>
              {t({ vi: 'Đang chờ', en: 'Waiting' })} <span data-testid="waiting-count">{waiting.length}</span>
            </h2>
            <small>
              {t({ vi: '↑↓ chọn · Enter gọi số đã chọn', en: '↑↓ select · Enter calls the selected ticket' })}
            </small>
          </div>
          <ol className="queue__list" data-testid="waiting-list">
            {waiting.length === 0 && (
              <li className="queue__empty">{t({ vi: 'Chưa có ai chờ.', en: 'Nobody is waiting.' })}</li>
            )}
            {waiting.slice(0, 50).map((w, index) => (
              <li
                key={w.id}
                className={`queue__item${w.id === selectedTicket?.id ? ' queue__item--selected' : ''}`}
                data-testid="waiting-ticket"
                data-label={w.label}
                onClick={() => setSelected(index)}
              >
                <span className="queue__label">{w.label}</span>
                <span className="queue__service">
                  {t(state.config.services[w.serviceId]?.name ?? { vi: w.serviceId, en: '' })}
                  {w.priorityGroup && (
                    <em className="badge">
                      {t(
                        state.config.priority.groups.find((g) => g.id === w.priorityGroup)?.name ?? {
                          vi: 'Ưu tiên',
                          en: 'Priority',
                        },
                      )}
                    </em>
                  )}
                  {w.targetCounterId === counterId && (
                    <em className="badge badge--info">{t({ vi: 'Chuyển đến quầy', en: 'Sent here' })}</em>
                  )}
                </span>
                <span className="queue__wait">{minutesSince(w.issuedAt, now)}′</span>
                <button
                  type="button"
                  className="btn btn--small"
                  disabled={!actions.callChosen.enabled}
                  title={actions.callChosen.reason ? t(actions.callChosen.reason) : undefined}
                  onClick={() => void desk.callChosen(w.id)}
                  data-testid={`call-chosen-${w.label}`}
                >
                  {t({ vi: 'Gọi', en: 'Call' })}
                </button>
              </li>
            ))}
          </ol>
          {parked.length > 0 && (
            <TicketShelf
              title={{ vi: 'Đang tạm giữ', en: 'On hold' }}
              tickets={parked}
              testId="parked-list"
              buttons={(p) => (
                <button
                  type="button"
                  className="btn btn--small"
                  disabled={!actions.resume.enabled}
                  title={actions.resume.reason ? t(actions.resume.reason) : undefined}
                  onClick={() => void desk.resume(p.id)}
                >
                  {t(actionNames.resume)}
                </button>
              )}
            />
          )}
          {noShows.length > 0 && (
            <TicketShelf
              title={{ vi: 'Vắng mặt (phím Q đưa số mới nhất trở lại)', en: 'No-shows (key Q returns the latest)' }}
              tickets={noShows.slice(0, 10)}
              testId="noshow-list"
              buttons={(n) => (
                <>
                  <button
                    type="button"
                    className="btn btn--small"
                    disabled={!actions.returnToQueue.enabled}
                    onClick={() => void desk.returnToQueue(n.id, 'keepPlace')}
                    data-testid={`return-${n.label}`}
                  >
                    {t({ vi: 'Giữ thứ tự', en: 'Keep place' })}
                  </button>
                  <button
                    type="button"
                    className="btn btn--small"
                    disabled={!actions.returnToQueue.enabled}
                    onClick={() => void desk.returnToQueue(n.id, 'front')}
                  >
                    {t({ vi: 'Lên đầu', en: 'To front' })}
                  </button>
                </>
              )}
            />
          )}
        </section>
      </main>

      {dialog?.kind === 'transfer' && (
        <TransferDialog
          state={state}
          ticket={dialog.ticket}
          counterId={counterId}
          onCancel={() => setDialog(null)}
          onTransfer={async (target, placement) => {
            if (await desk.transfer(dialog.ticket.id, target, placement)) setDialog(null);
          }}
        />
      )}
      {dialog?.kind === 'pause' && (
        <PauseDialog
          onCancel={() => setDialog(null)}
          onPause={async (reason) => {
            if (await desk.pause(reason)) setDialog(null);
          }}
        />
      )}
    </div>
  );
}

function CurrentTicket({
  state,
  counterId,
  ticket,
  now,
  canCallNext,
}: {
  state: QueueState;
  counterId: string;
  ticket: Ticket | null;
  now: number;
  canCallNext: boolean;
}) {
  const { t } = useLanguage();
  if (!ticket) {
    const calledToday = state.recentCalls.some((call) => call.counterId === counterId);
    return (
      <div className="current__card current__card--idle" data-testid="current-ticket-idle">
        <span className="current__caption">
          {calledToday
            ? t({ vi: 'Không có số đang phục vụ', en: 'No ticket at the counter' })
            : t({ vi: 'Chưa gọi số nào', en: 'No ticket called yet' })}
        </span>
        <span className="current__idle">—</span>
        {/* Only point at "Call next" when pressing it would do something. */}
        {canCallNext && (
          <span className="current__caption" data-testid="call-next-hint">
            {t({ vi: 'Bấm "Gọi số tiếp" (phím N) để mời công dân', en: 'Press "Call next" (key N) to call a citizen' })}
          </span>
        )}
      </div>
    );
  }
  const serving = ticket.status === 'serving';
  const since = serving ? (ticket.startedAt ?? ticket.calledAt ?? now) : (ticket.calledAt ?? now);
  const service = state.config.services[ticket.serviceId];
  const priority = state.config.priority.groups.find((g) => g.id === ticket.priorityGroup);
  return (
    <div className={`current__card current__card--${ticket.status}`} data-testid="current-ticket">
      <span className="current__caption">
        {serving
          ? t({ vi: `Đang phục vụ số ${ticket.label}`, en: `Serving ${ticket.label}` })
          : t({ vi: `Đang mời số ${ticket.label}`, en: `Calling ${ticket.label}` })}
        {ticket.recallCount > 0 && ` · ${t({ vi: 'đã gọi lại', en: 'recalled' })} ${ticket.recallCount}×`}
      </span>
      <span className="current__label" data-testid="current-label">
        {ticket.label}
      </span>
      <span className="current__service">
        {service ? t(service.name) : ticket.serviceId}
        {priority && (
          <em className="badge" data-testid="current-priority">
            {t(priority.name)}
          </em>
        )}
      </span>
      <span className="current__timer" data-testid="current-timer">
        {formatDuration(now - since)}
      </span>
    </div>
  );
}

function ServiceSummaries({ state, counterId, now }: { state: QueueState; counterId: string; now: number }) {
  const { t } = useLanguage();
  const counter = state.config.counters[counterId];
  if (!counter) return null;
  return (
    <table className="summary" data-testid="service-summaries">
      <thead>
        <tr>
          <th>{t({ vi: 'Thủ tục', en: 'Service' })}</th>
          <th>{t({ vi: 'Đang chờ', en: 'Waiting' })}</th>
          <th>{t({ vi: 'Chờ lâu nhất', en: 'Longest wait' })}</th>
        </tr>
      </thead>
      <tbody>
        {counter.serviceIds.map((serviceId) => {
          const summary = serviceQueueSummary(state, serviceId);
          const service = state.config.services[serviceId];
          return (
            <tr key={serviceId} data-testid={`summary-${serviceId}`}>
              <td>{service ? t(service.name) : serviceId}</td>
              <td className="num" data-testid="summary-waiting">
                {summary.waiting}
              </td>
              <td className="num">
                {summary.longestWaitingSince === null
                  ? '—'
                  : `${minutesSince(summary.longestWaitingSince, now)} ${t({ vi: 'phút', en: 'min' })}`}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function TicketShelf({
  title,
  tickets,
  buttons,
  testId,
}: {
  title: LocalizedName;
  tickets: Ticket[];
  buttons: (ticket: Ticket) => ReactNode;
  testId: string;
}) {
  const { t } = useLanguage();
  return (
    <div className="shelf" data-testid={testId}>
      <h3>{t(title)}</h3>
      <ul>
        {tickets.map((ticket) => (
          <li key={ticket.id} data-label={ticket.label}>
            <span className="queue__label">{ticket.label}</span>
            <span className="shelf__buttons">{buttons(ticket)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Figures({ served, noShows, meanSeconds }: { served: number; noShows: number; meanSeconds: number | null }) {
  const { t } = useLanguage();
  return (
    <dl className="figures" data-testid="clerk-figures">
      <div>
        <dt>{t({ vi: 'Đã phục vụ hôm nay', en: 'Served today' })}</dt>
        <dd data-testid="figure-served">{served}</dd>
      </div>
      <div>
        <dt>{t({ vi: 'Vắng mặt', en: 'No-shows' })}</dt>
        <dd data-testid="figure-noshows">{noShows}</dd>
      </div>
      <div>
        <dt>{t({ vi: 'Thời gian phục vụ TB', en: 'Mean service time' })}</dt>
        <dd>{meanSeconds === null ? '—' : formatDuration(meanSeconds * 1000)}</dd>
      </div>
    </dl>
  );
}

function useEscape(onCancel: () => void) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onCancel();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onCancel]);
}

function TransferDialog({
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

const pauseReasons: LocalizedName[] = [
  { vi: 'Nghỉ giữa giờ', en: 'Short break' },
  { vi: 'Họp', en: 'Meeting' },
  { vi: 'Xử lý hồ sơ tồn', en: 'Working on pending files' },
  { vi: 'Hỗ trợ quầy khác', en: 'Helping another counter' },
];

function PauseDialog({ onCancel, onPause }: { onCancel: () => void; onPause: (reason: string) => Promise<void> }) {
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
