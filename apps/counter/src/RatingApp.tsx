import { useEffect, useState } from 'react';
import { HubClient, HubProvider, localTokenStore, useHubClient, useHubSnapshot } from '@motcua/client';
import type { RatingReason, RatingScore, Ticket } from '@motcua/core';
import { errorMessages, ratingReasonNames, ratingScoreNames, sortedCounters, ticketsToRate } from '@motcua/core';
import { ConnectionBanner, LanguageSwitch, PairingScreen, useLanguage } from '@motcua/ui';
import type { RatingPhase } from './ratingPad';
import { afterAnswer, ratableTicket, ratingPromptTimeoutMs, ratingScoresInOrder, scoreCommand } from './ratingPad';
import { useHubNow } from './useNow';

const THANKS_MS = 6000;

/** The name an admin sees when approving the pad: "Đánh giá Quầy 1" rather than the counter's id. */
export function ratingDeviceName(counterId: string | null): string {
  if (!counterId) return 'Máy đánh giá';
  const counterNumber = /^quay-(\d+)$/.exec(counterId)?.[1];
  return `Đánh giá ${counterNumber ? `Quầy ${counterNumber}` : counterId}`;
}

export function RatingApp({ counterId }: { counterId: string | null }) {
  const [client] = useState(() =>
    new HubClient({
      deviceKind: 'rating',
      deviceName: ratingDeviceName(counterId),
      counterId,
      storage: localTokenStore(`motcua.rating.${counterId ?? 'bound'}.`),
    }).connect(),
  );
  return (
    <HubProvider client={client}>
      <ConnectionBanner />
      <RatingGate />
    </HubProvider>
  );
}

function RatingGate() {
  const { state, identity, pairing } = useHubSnapshot();
  const { t } = useLanguage();
  if (pairing.status === 'pending') return <PairingScreen code={pairing.pairingCode} />;
  if (!state || !identity) {
    return <main className="rating rating--idle">{t({ vi: 'Đang kết nối…', en: 'Connecting…' })}</main>;
  }
  const counterId = identity.device?.kind === 'rating' ? identity.device.counterId : null;
  if (!counterId) {
    return (
      <main className="rating rating--idle" data-testid="rating-unbound">
        <h1>{t({ vi: 'Máy đánh giá chưa được gắn với quầy', en: 'This rating pad has no counter yet' })}</h1>
        <p>
          {t({
            vi: 'Quản trị viên gắn quầy tại Quản trị › Thiết bị, hoặc mở một trong các địa chỉ sau:',
            en: 'An administrator binds it in Admin › Devices, or open one of these addresses:',
          })}
        </p>
        <ul className="rating__links">
          {sortedCounters(state).map((c) => (
            <li key={c.id}>
              <a href={`?counter=${encodeURIComponent(c.id)}`}>{t(c.name)}</a>
            </li>
          ))}
        </ul>
      </main>
    );
  }
  return <RatingPad counterId={counterId} />;
}

/** How long the optional reason step waits before it thanks the citizen (the answer is already sent). */
const REASONS_TIMEOUT_MS = 45_000;

function RatingPad({ counterId }: { counterId: string }) {
  const client = useHubClient();
  const { state } = useHubSnapshot();
  const { t } = useLanguage();
  const now = useHubNow(500);
  const [phase, setPhase] = useState<RatingPhase>({ kind: 'idle' });
  const [givenUp, setGivenUp] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const offered = state ? ratableTicket(state, counterId, now, givenUp) : null;
  const askedId = phase.kind === 'score' && phase.sent === null ? phase.ticket.id : null;
  const askedStillRatable =
    askedId !== null && state !== null && ticketsToRate(state, counterId, now).some((t) => t.id === askedId);

  // The pad asks about one ticket at a time: a new question only opens when the pad is idle.
  useEffect(() => {
    if (phase.kind === 'idle' && offered) {
      setError(null);
      setPhase({ kind: 'score', ticket: offered, sent: null });
    }
  }, [phase.kind, offered]);

  // A question nobody may answer any more (window over, rated from elsewhere) closes.
  useEffect(() => {
    if (askedId !== null && !askedStillRatable && !sending) setPhase({ kind: 'idle' });
  }, [askedId, askedStillRatable, sending]);

  const phaseTicketId = phase.kind === 'score' || phase.kind === 'reasons' ? phase.ticket.id : null;
  const timeoutMs =
    phase.kind === 'score' && state
      ? ratingPromptTimeoutMs(state, phase.ticket, client.hubNow())
      : phase.kind === 'reasons'
        ? REASONS_TIMEOUT_MS
        : 0;

  // Nobody answers: an unanswered question is given up; chosen reasons are still sent.
  useEffect(() => {
    if (phaseTicketId === null) return;
    const timer = setTimeout(() => {
      if (phase.kind === 'reasons' && phase.reasons.length > 0) void amend(phase.ticket, phase.score, phase.reasons);
      else {
        setGivenUp((d) => new Set(d).add(phaseTicketId));
        setPhase({ kind: 'idle' });
      }
    }, timeoutMs);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- restart the countdown only when the question changes
  }, [phaseTicketId, phase.kind, phase.kind === 'reasons' ? phase.reasons.length : 0]);

  useEffect(() => {
    if (phase.kind !== 'thanks') return;
    const timer = setTimeout(() => setPhase({ kind: 'idle' }), THANKS_MS);
    return () => clearTimeout(timer);
  }, [phase.kind]);

  function fail(ticket: Ticket, code: keyof typeof errorMessages) {
    setGivenUp((d) => new Set(d).add(ticket.id));
    setError(t(errorMessages[code]));
    setPhase({ kind: 'idle' });
  }

  /** The first tap sends the answer at once; the reason step only amends it. */
  async function choose(current: Extract<RatingPhase, { kind: 'score' }>, score: RatingScore) {
    setSending(true);
    const reply = await client.send(scoreCommand(counterId, current, score));
    setSending(false);
    if (reply.ok) setPhase(afterAnswer(current.ticket, score));
    else fail(current.ticket, reply.code);
  }

  async function amend(ticket: Ticket, score: RatingScore, reasons: RatingReason[]) {
    setSending(true);
    const reply = await client.send({ type: 'rating.amend', counterId, ticketId: ticket.id, score, reasons });
    setSending(false);
    setGivenUp((d) => new Set(d).add(ticket.id));
    if (reply.ok) setPhase({ kind: 'thanks' });
    else fail(ticket, reply.code);
  }

  const counter = state?.config.counters[counterId];
  const counterName = counter ? t(counter.name) : counterId;

  if (phase.kind === 'thanks') {
    return (
      <main className="rating rating--thanks" data-testid="rating-thanks">
        <h1>{t({ vi: 'Cảm ơn quý khách đã đánh giá!', en: 'Thank you for your feedback!' })}</h1>
        <p>{t({ vi: 'Ý kiến của quý khách giúp chúng tôi phục vụ tốt hơn.', en: 'It helps us serve you better.' })}</p>
      </main>
    );
  }

  if (phase.kind === 'idle') {
    return (
      <main className="rating rating--idle" data-testid="rating-idle">
        <div className="rating__top">
          <span>{counterName}</span>
          <LanguageSwitch />
        </div>
        <h1>{state?.config.office.name}</h1>
        <p className="rating__lead">
          {t({
            vi: 'Sau khi được phục vụ, mời quý khách đánh giá mức độ hài lòng tại đây.',
            en: 'After you are served, please rate our service here.',
          })}
        </p>
        {error && (
          <p className="rating__error" role="alert" data-testid="rating-error">
            {error}
          </p>
        )}
      </main>
    );
  }

  const ticket = phase.ticket;
  const clerk = ticket.clerkId ? state?.config.users[ticket.clerkId] : undefined;
  const service = state?.config.services[ticket.serviceId];
  return (
    <main className="rating rating--ask" data-testid="rating-ask">
      <div className="rating__top">
        <span>{counterName}</span>
        <LanguageSwitch />
      </div>
      <p className="rating__who" data-testid="rating-who">
        {t({ vi: 'Cán bộ', en: 'Served by' })} <strong data-testid="rating-clerk">{clerk?.displayName ?? '—'}</strong>
        {' · '}
        {t({ vi: 'Số', en: 'Ticket' })} <strong data-testid="rating-ticket">{ticket.label}</strong>
        {service && <> · {t(service.name)}</>}
      </p>
      {phase.kind === 'score' ? (
        <>
          <h1>
            {t({
              vi: 'Quý khách có hài lòng với sự phục vụ?',
              en: 'How satisfied are you with our service?',
            })}
          </h1>
          <div className="rating__scores">
            {ratingScoresInOrder.map((score) => (
              <button
                key={score}
                type="button"
                className={`score score--${score}`}
                disabled={sending}
                onClick={() => void choose(phase, score)}
                data-testid={`score-${score}`}
              >
                <Face score={score} />
                <span>{t(ratingScoreNames[score])}</span>
              </button>
            ))}
          </div>
        </>
      ) : (
        <>
          <p className="rating__sent" data-testid="rating-sent">
            {t({ vi: 'Đã ghi nhận đánh giá', en: 'Your rating is recorded' })}: {t(ratingScoreNames[phase.score])}
          </p>
          <h1>
            {t({ vi: 'Điều gì chúng tôi cần cải thiện?', en: 'What should we improve?' })}{' '}
            <small>{t({ vi: '(không bắt buộc)', en: '(optional)' })}</small>
          </h1>
          <div className="rating__reasons">
            {(Object.keys(ratingReasonNames) as RatingReason[]).map((reason) => {
              const on = phase.reasons.includes(reason);
              return (
                <button
                  key={reason}
                  type="button"
                  className={`reason${on ? ' reason--on' : ''}`}
                  aria-pressed={on}
                  onClick={() =>
                    setPhase({
                      ...phase,
                      reasons: on ? phase.reasons.filter((r) => r !== reason) : [...phase.reasons, reason],
                    })
                  }
                  data-testid={`reason-${reason}`}
                >
                  {t(ratingReasonNames[reason])}
                </button>
              );
            })}
          </div>
          <div className="rating__sendRow">
            <button
              type="button"
              className="btn btn--ghost rating__back"
              disabled={sending}
              onClick={() => setPhase({ kind: 'score', ticket: phase.ticket, sent: phase.score })}
              data-testid="rating-back"
            >
              {t({ vi: 'Chọn lại', en: 'Back' })}
            </button>
            <button
              type="button"
              className="btn btn--primary rating__send"
              disabled={sending}
              onClick={() =>
                phase.reasons.length > 0
                  ? void amend(phase.ticket, phase.score, phase.reasons)
                  : setPhase({ kind: 'thanks' })
              }
              data-testid="rating-send"
            >
              {phase.reasons.length > 0 ? t({ vi: 'Gửi góp ý', en: 'Send' }) : t({ vi: 'Xong', en: 'Done' })}
            </button>
          </div>
        </>
      )}
    </main>
  );
}

const mouths: Record<RatingScore, string> = {
  verySatisfied: 'M30 62 Q50 84 70 62',
  satisfied: 'M32 64 Q50 76 68 64',
  neutral: 'M33 68 L67 68',
  dissatisfied: 'M32 74 Q50 60 68 74',
};

/** Drawn faces, not emoji: tablets and Linux boxes may lack a colour emoji font. */
function Face({ score }: { score: RatingScore }) {
  return (
    <svg viewBox="0 0 100 100" className="face" aria-hidden="true">
      <circle cx="50" cy="50" r="44" className="face__disc" />
      <circle cx="36" cy="40" r="6" className="face__eye" />
      <circle cx="64" cy="40" r="6" className="face__eye" />
      <path d={mouths[score]} className="face__mouth" />
    </svg>
  );
}
