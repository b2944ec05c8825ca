import { useState } from 'react';
import { clerkDayFigures, counterOfClerk, counterState, type Ticket } from '@motcua/core';
import { useHubNow, useLanguage } from '@motcua/ui';
import { ActionButton, actionNames } from './ActionButton';
import type { CounterActionId } from './counterActions';
import { PauseDialog } from './dialogs/PauseDialog';
import { TransferDialog } from './dialogs/TransferDialog';
import { DossierPanel } from './DossierPanel';
import { ClerkFigures } from './panels/ClerkFigures';
import { CurrentTicket } from './panels/CurrentTicket';
import { DeskHeader } from './panels/DeskHeader';
import { ServiceSummaries } from './panels/ServiceSummaries';
import { TicketShelf } from './panels/TicketShelf';
import { WaitingList } from './panels/WaitingList';
import { useCounterDesk } from './useCounterDesk';
import { useDeskKeys } from './useDeskKeys';
import { counterText, useCounterText } from './i18n/strings';

type Dialog = { kind: 'transfer'; ticket: Ticket } | { kind: 'pause' } | null;

export function CounterScreen({ counterId, clerkId }: { counterId: string; clerkId: string }) {
  const { t } = useLanguage();
  const text = useCounterText();
  const now = useHubNow();
  const { state, actions, desk, ticket, waiting, parked, noShows, notice, clearNotice } = useCounterDesk(counterId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [selected, setSelected] = useState(0);
  const selectedTicket = waiting[Math.min(selected, waiting.length - 1)];
  const [dossierProblem, setDossierProblem] = useState<string | null>(null);

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
      setDossierProblem(text('dossier.scannedWithoutTicket', { code }));
      return;
    }
    setDossierProblem(null);
    void desk.attachDossier(active.id, code);
  }

  useDeskKeys({
    enabled: !dialog,
    paused: state ? counterState(state, counterId).status === 'paused' : false,
    run,
    scanned,
    moveSelection: (step) => setSelected((s) => Math.max(0, Math.min(waiting.length - 1, s + step))),
  });

  if (!state || !actions) return null;
  const status = counterState(state, counterId);
  const figures = clerkDayFigures(state, clerkId);
  // Signed in at another counter since: this screen says where they went instead of a bare "Đóng".
  const workingAt = status.clerkId === clerkId ? null : counterOfClerk(state, clerkId);
  const movedTo = workingAt && workingAt.id !== counterId ? workingAt : null;

  return (
    <div className="desk">
      <DeskHeader
        state={state}
        counterId={counterId}
        clerkId={clerkId}
        status={status}
        actions={actions}
        onPause={() => run('pause')}
        onReopen={() => run('reopen')}
      />

      {movedTo && (
        <div className="desk__paused desk__moved" role="status" data-testid="clerk-moved">
          {text('desk.clerkMoved', { counter: movedTo.number })}
        </div>
      )}

      {status.status === 'paused' && (
        <div className="desk__paused" role="status">
          {text('desk.paused')}: <strong>{status.pauseReason}</strong>. {text('desk.pausedHint')}
        </div>
      )}

      <main className="desk__main">
        <section className="current" aria-label={text('desk.currentTicket')}>
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
            <p
              className={`notice notice--${notice.kind}`}
              role={notice.kind === 'error' ? 'alert' : 'status'}
              data-testid="desk-notice"
              data-kind={notice.kind}
            >
              <span>{t(notice.text)}</span>
              {notice.kind === 'error' ? (
                <button type="button" className="notice-close" onClick={clearNotice} data-testid="desk-notice-close">
                  {text('desk.noticeOk')}
                </button>
              ) : null}
            </p>
          )}
          <ClerkFigures served={figures.served} noShows={figures.noShows} meanSeconds={figures.meanServiceSeconds} />
        </section>

        <section className="queue" aria-label={text('desk.waitingList')}>
          <ServiceSummaries state={state} counterId={counterId} now={now} />
          <WaitingList
            state={state}
            counterId={counterId}
            waiting={waiting}
            selectedId={selectedTicket?.id}
            now={now}
            callChosen={actions.callChosen}
            onSelect={setSelected}
            onCall={(ticketId) => void desk.callChosen(ticketId)}
          />
          {parked.length > 0 && (
            <TicketShelf
              title={counterText('desk.onHold')}
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
              title={counterText('desk.noShows')}
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
                    {text('desk.keepPlace')}
                  </button>
                  <button
                    type="button"
                    className="btn btn--small"
                    disabled={!actions.returnToQueue.enabled}
                    onClick={() => void desk.returnToQueue(n.id, 'front')}
                  >
                    {text('desk.toFront')}
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
