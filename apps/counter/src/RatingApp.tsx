import { useEffect, useState } from 'react';
import { HubClient, HubProvider, localTokenStore, useHubClient, useHubSnapshot } from '@motcua/client';
import type { RatingReason, RatingScore } from '@motcua/core';
import { errorMessages, ratingReasonNames, ratingScoreNames, sortedCounters, ticketById } from '@motcua/core';
import { ConnectionBanner, LanguageSwitch, PairingScreen, useLanguage } from '@motcua/ui';
import { asksForReasons, ratableTicket, ratingPromptTimeoutMs, ratingScoresInOrder } from './ratingPad';
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

type Phase =
  | { kind: 'idle' }
  | { kind: 'score'; ticketId: string }
  | { kind: 'reasons'; ticketId: string; score: RatingScore; reasons: RatingReason[] }
  | { kind: 'thanks' };

function RatingPad({ counterId }: { counterId: string }) {
  const client = useHubClient();
  const { state } = useHubSnapshot();
  const { t } = useLanguage();
  const now = useHubNow(500);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const offered = state ? ratableTicket(state, counterId, now) : null;
  const offeredId = offered && !dismissed.has(offered.id) ? offered.id : null;
  const activeId = phase.kind === 'score' || phase.kind === 'reasons' ? phase.ticketId : null;

  // A newly finished ticket opens the question; one that can no longer be rated closes it.
  useEffect(() => {
    if (phase.kind === 'thanks') return;
    if (offeredId && offeredId !== activeId) {
      setError(null);
      setPhase({ kind: 'score', ticketId: offeredId });
    } else if (!offeredId && activeId && !sending) setPhase({ kind: 'idle' });
  }, [offeredId, activeId, phase.kind, sending]);

  const activeTicket = activeId && state ? ticketById(state, activeId) : undefined;
  const timeoutMs = state && activeTicket ? ratingPromptTimeoutMs(state, activeTicket, client.hubNow()) : 0;

  // Nobody answers: a chosen score is still sent, otherwise the pad goes back to idle.
  useEffect(() => {
    if (!activeId) return;
    const timer = setTimeout(() => {
      if (phase.kind === 'reasons') void submit(phase.ticketId, phase.score, phase.reasons);
      else {
        setDismissed((d) => new Set(d).add(activeId));
        setPhase({ kind: 'idle' });
      }
    }, timeoutMs);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- restart the countdown only when the question changes
  }, [activeId, phase.kind, phase.kind === 'reasons' ? phase.reasons.length : 0]);

  useEffect(() => {
    if (phase.kind !== 'thanks') return;
    const timer = setTimeout(() => setPhase({ kind: 'idle' }), THANKS_MS);
    return () => clearTimeout(timer);
  }, [phase.kind]);

  async function submit(ticketId: string, score: RatingScore, reasons: RatingReason[]) {
    setSending(true);
    const reply = await client.send({ type: 'rating.submit', counterId, ticketId, score, reasons });
    setSending(false);
    setDismissed((d) => new Set(d).add(ticketId));
    if (reply.ok) {
      setPhase({ kind: 'thanks' });
      return;
    }
    setError(t(errorMessages[reply.code]));
    setPhase({ kind: 'idle' });
  }

  function choose(ticketId: string, score: RatingScore) {
    if (asksForReasons(score)) setPhase({ kind: 'reasons', ticketId, score, reasons: [] });
    else void submit(ticketId, score, []);
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

  if (!activeTicket || phase.kind === 'idle') {
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

  const clerk = activeTicket.clerkId ? state?.config.users[activeTicket.clerkId] : undefined;
  const service = state?.config.services[activeTicket.serviceId];
  return (
    <main className="rating rating--ask" data-testid="rating-ask">
      <div className="rating__top">
        <span>{counterName}</span>
        <LanguageSwitch />
      </div>
      <p className="rating__who" data-testid="rating-who">
        {t({ vi: 'Cán bộ', en: 'Served by' })} <strong data-testid="rating-clerk">{clerk?.displayName ?? '—'}</strong>
        {' · '}
        {t({ vi: 'Số', en: 'Ticket' })} <strong data-testid="rating-ticket">{activeTicket.label}</strong>
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
                onClick={() => choose(activeTicket.id, score)}
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
              onClick={() => setPhase({ kind: 'score', ticketId: phase.ticketId })}
              data-testid="rating-back"
            >
              {t({ vi: 'Chọn lại', en: 'Back' })}
            </button>
            <button
              type="button"
              className="btn btn--primary rating__send"
              disabled={sending}
              onClick={() => void submit(phase.ticketId, phase.score, phase.reasons)}
              data-testid="rating-send"
            >
              {t({ vi: 'Gửi đánh giá', en: 'Send' })}: {t(ratingScoreNames[phase.score])}
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
