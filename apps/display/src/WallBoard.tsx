import type { CSSProperties } from 'react';
import {
  displayBoard,
  serviceQueueSummary,
  sortedServices,
  type BoardEntry,
  type CallRecord,
  type QueueState,
} from '@motcua/core';
import { boardStatusText, callKindBadge, counterSubtitle, tileColumns } from './boardModel';
import { formatClock } from './format';
import type { Highlight } from './hooks';
import { bothLanguages, displayText } from './i18n/strings';

function isHighlighted(call: CallRecord | null, highlight: Highlight | null): boolean {
  return Boolean(call && highlight && call.ticketId === highlight.ticketId && call.at === highlight.at);
}

export function Arrow() {
  return (
    <svg className="arrow" viewBox="0 0 48 32" aria-hidden="true">
      <path d="M2 16h38M28 4l14 12-14 12" fill="none" stroke="currentColor" strokeWidth="5" strokeLinecap="round" />
    </svg>
  );
}

export function Clock({ now, timeZone }: { now: number; timeZone: string }) {
  const clock = formatClock(now, timeZone);
  return (
    <div className="clock" data-testid="clock">
      <div className="clock-time">{clock.time}</div>
      <div className="clock-date">{clock.date}</div>
    </div>
  );
}

function CounterTile({ entry, highlight }: { entry: BoardEntry; highlight: Highlight | null }) {
  const { call } = entry;
  const isNew = isHighlighted(call, highlight);
  const subtitle = counterSubtitle(entry.counterName, entry.counterNumber);
  const status = boardStatusText(entry);
  const badge = call ? callKindBadge(call) : null;
  return (
    <article
      className={`tile tile--${entry.status}${isNew ? ' tile--new' : ''}${call ? '' : ' tile--empty'}`}
      data-testid={`tile-${entry.counterNumber}`}
      data-counter-id={entry.counterId}
      data-status={entry.status}
      data-label={call?.label ?? ''}
    >
      <div className="tile-label">{call?.label ?? '—'}</div>
      <div className="tile-counter">
        <Arrow />
        <div className="tile-counter-box">
          <span className="tile-counter-word">{displayText('board.counter').vi}</span>
          <span className="tile-counter-number">{entry.counterNumber}</span>
        </div>
      </div>
      <div className="tile-sub">
        {badge ? <span className="badge">{badge}</span> : null}
        <span className="tile-status">
          {status.vi} <span className="en">· {status.en}</span>
        </span>
        {subtitle ? <span className="tile-name">{subtitle}</span> : null}
      </div>
    </article>
  );
}

function RecentCalls({ calls, rows, highlight }: { calls: CallRecord[]; rows: number; highlight: Highlight | null }) {
  return (
    <section
      className="panel recent"
      data-testid="recent-calls"
      style={{ '--recent-rows': Math.max(4, rows) } as CSSProperties}
    >
      <h2>
        {displayText('board.recent').vi} <span className="en">{displayText('board.recent').en}</span>
      </h2>
      {calls.length === 0 ? (
        <p className="panel-empty">{bothLanguages('board.noCalls')}</p>
      ) : (
        <ol>
          {calls.map((call) => (
            <li
              key={`${call.ticketId}@${call.at}`}
              className={isHighlighted(call, highlight) ? 'is-new' : undefined}
              data-label={call.label}
            >
              <span className="recent-label">{call.label}</span>
              <Arrow />
              <span className="recent-counter">
                {displayText('board.counterNumber', { number: call.counterNumber }).vi}
              </span>
              {callKindBadge(call) ? <span className="badge badge--small">{callKindBadge(call)}</span> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function WaitingCounts({ state }: { state: QueueState }) {
  const services = sortedServices(state).filter((s) => s.enabled);
  return (
    <section
      className="panel waiting"
      data-testid="waiting-counts"
      style={{ '--waiting-rows': Math.max(6, services.length) } as CSSProperties}
    >
      <h2>
        {displayText('board.waiting').vi} <span className="en">{displayText('board.waiting').en}</span>
      </h2>
      <ul>
        {services.map((service) => (
          <li key={service.id}>
            <span className="waiting-prefix">{service.prefix}</span>
            <span className="waiting-name">{service.name.vi}</span>
            <span className="waiting-count">{serviceQueueSummary(state, service.id).waiting}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Ticker({ text }: { text: string }) {
  const style = { '--ticker-seconds': `${Math.max(20, Math.round(text.length / 4))}s` } as CSSProperties;
  return (
    <footer className="ticker" data-testid="ticker">
      <div className="ticker-track" style={style}>
        <span>{text}</span>
        <span aria-hidden="true">{text}</span>
      </div>
    </footer>
  );
}

export function WallBoard({ state, highlight, now }: { state: QueueState; highlight: Highlight | null; now: number }) {
  const board = displayBoard(state);
  const { office, display } = state.config;
  const columns = tileColumns(board.byCounter.length);
  const gridStyle = {
    '--cols-landscape': columns.landscape,
    '--rows-landscape': Math.ceil(board.byCounter.length / columns.landscape),
    '--cols-portrait': columns.portrait,
    '--rows-portrait': Math.ceil(board.byCounter.length / columns.portrait),
  } as CSSProperties;
  const showSide = display.recentCallsShown > 0 || display.showWaitingCounts;
  return (
    <div className={`wall${showSide ? '' : ' wall--no-side'}`} data-testid="wall-board">
      <header className="wall-header">
        <div className="office">
          <div className="office-name">{office.name}</div>
          <div className="office-en">{office.nameEn}</div>
        </div>
        <Clock now={now} timeZone={office.timeZone} />
      </header>
      <main className="wall-main">
        <section className="tiles" style={gridStyle} aria-label={bothLanguages('board.nowCalling')}>
          {board.byCounter.length === 0 ? (
            <p className="panel-empty">{bothLanguages('board.noCounters')}</p>
          ) : (
            board.byCounter.map((entry) => <CounterTile key={entry.counterId} entry={entry} highlight={highlight} />)
          )}
        </section>
        {showSide ? (
          <aside className="side">
            {display.recentCallsShown > 0 ? (
              <RecentCalls calls={board.recent} rows={display.recentCallsShown} highlight={highlight} />
            ) : null}
            {display.showWaitingCounts ? <WaitingCounts state={state} /> : null}
          </aside>
        ) : null}
      </main>
      {display.tickerText ? <Ticker text={display.tickerText} /> : null}
    </div>
  );
}
