import { boardEntry, sortedCounters, type Counter, type QueueState } from '@motcua/core';
import { boardStatusText, callKindBadge, counterSubtitle } from './boardModel';
import type { Highlight } from './hooks';
import { bothLanguages, displayText } from './i18n/strings';
import { Arrow, Clock } from './WallBoard';

const EARLIER_CALLS_SHOWN = 4;

/** The small screen above one counter: its number, the ticket it called, and its previous calls. */
export function CounterScreen({
  state,
  counter,
  highlight,
  now,
}: {
  state: QueueState;
  counter: Counter;
  highlight: Highlight | null;
  now: number;
}) {
  const entry = boardEntry(state, counter);
  const current = entry.call;
  const status = boardStatusText(entry);
  const badge = current ? callKindBadge(current) : null;
  const earlier = state.recentCalls
    .filter((c) => c.counterId === counter.id && c.ticketId !== current?.ticketId)
    .slice(0, EARLIER_CALLS_SHOWN);
  const isNew = Boolean(current && highlight && highlight.ticketId === current.ticketId && highlight.at === current.at);
  return (
    <div className="single" data-testid="counter-screen" data-counter-id={counter.id} data-status={entry.status}>
      <header className="single-header">
        <div className="single-counter">
          <span className="single-counter-word">
            {displayText('board.counter').vi} <span className="en">{displayText('board.counter').en}</span>
          </span>
          <span className="single-counter-number">{counter.number}</span>
        </div>
        <div className="single-name">{counterSubtitle(counter.name.vi, counter.number) || counter.name.vi}</div>
        <Clock now={now} timeZone={state.config.office.timeZone} />
      </header>
      <main className={`single-main single-main--${entry.status}${isNew ? ' tile--new' : ''}`}>
        <div className="single-caption" data-testid="counter-status">
          {status.vi} <span className="en">· {status.en}</span>
        </div>
        <div className="single-label" data-testid="counter-current" data-label={current?.label ?? ''}>
          {current?.label ?? '—'}
        </div>
        {badge ? <span className="badge">{badge}</span> : null}
      </main>
      <footer className="single-earlier">
        {earlier.length > 0 ? (
          <>
            <span className="single-earlier-title">{bothLanguages('board.calledBefore')}</span>
            {earlier.map((c) => (
              <span key={`${c.ticketId}@${c.at}`} className="single-earlier-label" data-label={c.label}>
                {c.label}
                {callKindBadge(c) ? <span className="badge badge--small">{callKindBadge(c)}</span> : null}
              </span>
            ))}
          </>
        ) : null}
      </footer>
    </div>
  );
}

/** `?counter=` names no counter of this office: say so and list the ones that exist. */
export function UnknownCounter({ state, param }: { state: QueueState; param: string }) {
  return (
    <div className="notice-screen" data-testid="unknown-counter">
      <h1>{displayText('unknownCounter.title', { param }).vi}</h1>
      <p>
        {displayText('unknownCounter.title', { param }).en} {bothLanguages('unknownCounter.hint')}
      </p>
      <ul>
        {sortedCounters(state).map((c) => (
          <li key={c.id}>
            <code>/display/?counter={c.number}</code> <Arrow /> {c.name.vi}
          </li>
        ))}
      </ul>
    </div>
  );
}
