import { useCallback, useEffect, useRef, useState } from 'react';
import { useHubClient, useHubSnapshot } from '@motcua/client';
import type { CommandInput, LocalizedName, Placement, QueueState } from '@motcua/core';
import { errorMessages, waitingForCounter, ticketById } from '@motcua/core';
import { useLanguage } from '@motcua/ui';
import { announceArrival, stopFlashingTitle, unlockSound } from './attention';
import {
  counterActions,
  currentTicket,
  noShowTickets,
  parkedTickets,
  ticketArrivedForIdleCounter,
  type CounterActions,
} from './counterActions';
import { counterText } from './i18n/strings';

export interface DeskNotice {
  kind: 'ok' | 'error';
  text: LocalizedName;
  at: number;
}

/** A confirmation ("Đã gọi số A012") goes by itself after this; an error stays until the clerk acts on it. */
export const CONFIRMATION_SHOWN_MS = 5000;

export type TransferTarget = { toServiceId: string } | { toCounterId: string };

/** Everything a counter screen does: what is possible now, and the commands behind each button. */
export function useCounterDesk(counterId: string) {
  const client = useHubClient();
  const { state, connection, identity } = useHubSnapshot();
  const [notice, setNotice] = useState<DeskNotice | null>(null);
  useEffect(() => {
    if (notice?.kind !== 'ok') return;
    const timer = setTimeout(() => setNotice((shown) => (shown === notice ? null : shown)), CONFIRMATION_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  // The same command is not sent twice while its ack is pending (a double press); other buttons stay live.
  // Dossier codes are told apart by code: a second receipt scanned before the first one's answer is sent too.
  const inFlight = useRef(new Set<string>());
  const { t } = useLanguage();
  const online = connection === 'online';
  // Core checks each action as the hub will: as this clerk, at the hub's time.
  const clerk = identity?.actor.kind === 'user' ? identity.actor : null;
  const actions: CounterActions | null = state && clerk ? counterActions(state, clerk, client.hubNow(), online) : null;

  const send = useCallback(
    async (
      command: CommandInput,
      success: (after: QueueState | null) => LocalizedName | null,
      inFlightKey: string = command.type,
    ) => {
      unlockSound();
      stopFlashingTitle();
      if (inFlight.current.has(inFlightKey)) return false;
      inFlight.current.add(inFlightKey);
      const reply = await client.send(command);
      inFlight.current.delete(inFlightKey);
      if (!reply.ok) {
        setNotice({ kind: 'error', text: errorMessages[reply.code], at: Date.now() });
        return false;
      }
      const text = success(client.state);
      setNotice(text ? { kind: 'ok', text, at: Date.now() } : null);
      return true;
    },
    [client],
  );

  const labelOf = (after: QueueState | null, ticketId: string | undefined) =>
    (ticketId && after && ticketById(after, ticketId)?.label) || '';

  const desk = {
    callNext: () =>
      send({ type: 'ticket.callNext', counterId }, (after) => {
        const label = after ? currentTicket(after, counterId)?.label : undefined;
        return counterText('notice.called', { label: label ?? '' });
      }),
    callChosen: (ticketId: string) =>
      send({ type: 'ticket.callChosen', counterId, ticketId }, (after) =>
        counterText('notice.called', { label: labelOf(after, ticketId) }),
      ),
    recall: (ticketId: string) =>
      send({ type: 'ticket.recall', counterId, ticketId }, (after) =>
        counterText('notice.recalled', { label: labelOf(after, ticketId) }),
      ),
    start: (ticketId: string) => send({ type: 'ticket.start', counterId, ticketId }, () => null),
    finish: (ticketId: string) =>
      send({ type: 'ticket.finish', counterId, ticketId }, (after) =>
        counterText('notice.finished', { label: labelOf(after, ticketId) }),
      ),
    noShow: (ticketId: string) =>
      send({ type: 'ticket.noShow', counterId, ticketId }, (after) =>
        counterText('notice.noShow', { label: labelOf(after, ticketId) }),
      ),
    park: (ticketId: string) =>
      send({ type: 'ticket.park', counterId, ticketId }, (after) =>
        counterText('notice.parked', { label: labelOf(after, ticketId) }),
      ),
    resume: (ticketId: string) => send({ type: 'ticket.resume', counterId, ticketId }, () => null),
    returnToQueue: (ticketId: string, placement: Placement) =>
      send({ type: 'ticket.returnToQueue', ticketId, placement }, (after) =>
        counterText('notice.backInQueue', { label: labelOf(after, ticketId) }),
      ),
    transfer: (ticketId: string, target: TransferTarget, placement: Placement) =>
      send({ type: 'ticket.transfer', ticketId, placement, ...target }, (after) =>
        counterText('notice.transferred', { label: labelOf(after, ticketId) }),
      ),
    pause: (reason: string) => send({ type: 'counter.pause', counterId, reason }, () => counterText('notice.paused')),
    reopen: () => send({ type: 'counter.open', counterId }, () => counterText('notice.reopened')),
    attachDossier: (ticketId: string, dossierCode: string) =>
      send(
        { type: 'ticket.attachDossier', counterId, ticketId, dossierCode },
        (after) =>
          counterText('notice.dossierLinked', { code: dossierCode.toUpperCase(), label: labelOf(after, ticketId) }),
        `ticket.attachDossier:${ticketId}:${dossierCode.toUpperCase()}`,
      ),
  };

  useArrivalAlert(counterId, t);

  return {
    state,
    online,
    actions,
    desk,
    notice,
    clearNotice: () => setNotice(null),
    ticket: state ? currentTicket(state, counterId) : null,
    waiting: state ? waitingForCounter(state, counterId) : [],
    parked: state ? parkedTickets(state, counterId) : [],
    noShows: state ? noShowTickets(state, counterId) : [],
  };
}

/** Sound, notification and a flashing title when a ticket arrives while the counter is idle. */
function useArrivalAlert(counterId: string, t: (text: LocalizedName) => string) {
  const client = useHubClient();
  const before = useRef<QueueState | null>(client.state);
  useEffect(() => {
    before.current = client.state;
    return client.onEvent((_envelope, meta) => {
      const previous = before.current;
      const after = client.state;
      before.current = after;
      if (!meta.live || !previous || !after) return;
      if (!ticketArrivedForIdleCounter(previous, after, counterId)) return;
      const waiting = waitingForCounter(after, counterId).length;
      announceArrival(t(counterText('arrival.title')), t(counterText('arrival.waiting', { waiting })));
    });
  }, [client, counterId, t]);
}
