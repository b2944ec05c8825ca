import { useEffect, useState } from 'react';
import { HubClient, HubProvider, localTokenStore, useHubClient, useHubSnapshot } from '@motcua/client';
import type { RatingAnswer, Ticket } from '@motcua/core';
import {
  errorMessages,
  MAX_RATING_REASON_TEXT,
  ratingAnswerNames,
  ratingMethodOf,
  ratingScales,
  sortedCounters,
  ticketsToRate,
} from '@motcua/core';
import { ConnectionBanner, fillText, LanguageSwitch, PairingScreen, useHubNow, useLanguage } from '@motcua/ui';
import type { RatingPhase, ReasonDraft } from './ratingPad';
import {
  afterAnswer,
  answerCommand,
  hasReason,
  padAnswers,
  ratableTicket,
  ratingPromptTimeoutMs,
  reasonRequired,
  reasonsCommand,
} from './ratingPad';
import { counterStrings, useCounterText } from './i18n/strings';

const THANKS_MS = 6000;

/** The name an admin sees when approving the pad: "Đánh giá Quầy 1" rather than the counter's id. */
export function ratingDeviceName(counterId: string | null): string {
  if (!counterId) return counterStrings['device.ratingPad'].vi;
  const counterNumber = /^quay-(\d+)$/.exec(counterId)?.[1];
  const counter = counterNumber
    ? fillText(counterStrings['device.counterNumber'].vi, { number: counterNumber })
    : counterId;
  return fillText(counterStrings['device.ratingPadOf'].vi, { counter });
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
  const text = useCounterText();
  if (pairing.status === 'pending') return <PairingScreen code={pairing.pairingCode} />;
  if (!state || !identity) {
    return <main className="rating rating--idle">{text('rating.connecting')}</main>;
  }
  const counterId = identity.device?.kind === 'rating' ? identity.device.counterId : null;
  if (!counterId) {
    return (
      <main className="rating rating--idle" data-testid="rating-unbound">
        <h1>{text('rating.unbound')}</h1>
        <p>{text('rating.unboundHint')}</p>
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
  const text = useCounterText();
  const now = useHubNow(500);
  const [phase, setPhase] = useState<RatingPhase>({ kind: 'idle' });
  const [givenUp, setGivenUp] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const offered = state ? ratableTicket(state, counterId, now, givenUp) : null;
  const askedId = phase.kind === 'answer' && phase.sent === null ? phase.ticket.id : null;
  const askedStillRatable =
    askedId !== null && state !== null && ticketsToRate(state, counterId, now).some((t) => t.id === askedId);

  // The pad asks about one ticket at a time: a new question only opens when the pad is idle.
  useEffect(() => {
    if (phase.kind === 'idle' && offered && state) {
      setError(null);
      setPhase({ kind: 'answer', ticket: offered, scale: padAnswers(state).scale, sent: null });
    }
  }, [phase.kind, offered, state]);

  // A question nobody may answer any more (window over, rated from elsewhere) closes.
  useEffect(() => {
    if (askedId !== null && !askedStillRatable && !sending) setPhase({ kind: 'idle' });
  }, [askedId, askedStillRatable, sending]);

  const phaseTicketId = phase.kind === 'answer' || phase.kind === 'reasons' ? phase.ticket.id : null;
  const timeoutMs =
    phase.kind === 'answer' && state
      ? ratingPromptTimeoutMs(state, phase.ticket, client.hubNow())
      : phase.kind === 'reasons'
        ? REASONS_TIMEOUT_MS
        : 0;

  // Nobody answers: an unanswered question is given up (a sent answer stays); given reasons are still sent.
  const draftSize = phase.kind === 'reasons' ? phase.draft.reasons.length + phase.draft.text.length : 0;
  useEffect(() => {
    if (phaseTicketId === null) return;
    const timer = setTimeout(() => {
      if (phase.kind === 'reasons' && hasReason(phase.draft)) void amend(phase);
      else {
        setGivenUp((d) => new Set(d).add(phaseTicketId));
        setPhase({ kind: 'idle' });
      }
    }, timeoutMs);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- restart the countdown when the question or the draft changes
  }, [phaseTicketId, phase.kind, draftSize]);

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
  async function choose(current: Extract<RatingPhase, { kind: 'answer' }>, answer: RatingAnswer) {
    setSending(true);
    const reply = await client.send(answerCommand(counterId, current, answer));
    setSending(false);
    if (reply.ok) setPhase(afterAnswer(current.ticket, { scale: current.scale, answer }));
    else fail(current.ticket, reply.code);
  }

  async function amend(current: Extract<RatingPhase, { kind: 'reasons' }>) {
    setSending(true);
    const reply = await client.send(reasonsCommand(counterId, current));
    setSending(false);
    if (reply.ok) {
      setGivenUp((d) => new Set(d).add(current.ticket.id));
      setPhase({ kind: 'thanks' });
    } else if (reply.code === 'RATING_REASON_REQUIRED' || reply.code === 'RATING_REASON_UNKNOWN') {
      // The answer is already stored: the citizen can still say why, so the step stays open.
      setError(t(errorMessages[reply.code]));
    } else fail(current.ticket, reply.code);
  }

  const counter = state?.config.counters[counterId];
  const counterName = counter ? t(counter.name) : counterId;

  if (phase.kind === 'thanks') {
    return (
      <main className="rating rating--thanks" data-testid="rating-thanks">
        <h1>{text('rating.thanks')}</h1>
        <p>{text('rating.thanksNote')}</p>
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
        <p className="rating__lead">{text('rating.idle')}</p>
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
        {text('rating.servedBy')} <strong data-testid="rating-clerk">{clerk?.displayName ?? '—'}</strong>
        {' · '}
        {text('rating.ticket')} <strong data-testid="rating-ticket">{ticket.label}</strong>
        {service && <> · {t(service.name)}</>}
      </p>
      {phase.kind === 'answer' ? (
        <AnswerStep phase={phase} sending={sending} onChoose={(answer) => void choose(phase, answer)} />
      ) : (
        <ReasonStep
          phase={phase}
          sending={sending}
          error={error}
          onChange={(draft) => {
            setError(null);
            setPhase({ ...phase, draft });
          }}
          onBack={() =>
            setPhase({ kind: 'answer', ticket: phase.ticket, scale: phase.ballot.scale, sent: phase.ballot })
          }
          onSend={() => (hasReason(phase.draft) ? void amend(phase) : setPhase({ kind: 'thanks' }))}
        />
      )}
    </main>
  );
}

function AnswerStep({
  phase,
  sending,
  onChoose,
}: {
  phase: Extract<RatingPhase, { kind: 'answer' }>;
  sending: boolean;
  onChoose: (answer: RatingAnswer) => void;
}) {
  const { t } = useLanguage();
  const text = useCounterText();
  const answers = ratingScales[phase.scale].answers;
  return (
    <>
      <h1>{text('rating.question')}</h1>
      <div className={`rating__scores rating__scores--${answers.length}`} data-testid={`rating-scale-${phase.scale}`}>
        {answers.map((answer) => (
          <button
            key={answer}
            type="button"
            className={`score score--${answer}`}
            disabled={sending}
            onClick={() => onChoose(answer)}
            data-testid={`score-${answer}`}
          >
            <Face answer={answer} />
            <span>{t(ratingAnswerNames[answer])}</span>
          </button>
        ))}
      </div>
    </>
  );
}

/**
 * After a less than very satisfied answer: what to improve, from the office's list or in the citizen's
 * words. Required where the scale says so (Không hài lòng): "Xong" is then not offered, only "Gửi lý do".
 */
function ReasonStep({
  phase,
  sending,
  error,
  onChange,
  onBack,
  onSend,
}: {
  phase: Extract<RatingPhase, { kind: 'reasons' }>;
  sending: boolean;
  error: string | null;
  onChange: (draft: ReasonDraft) => void;
  onBack: () => void;
  onSend: () => void;
}) {
  const { t } = useLanguage();
  const text = useCounterText();
  const { state } = useHubSnapshot();
  const offered = state ? ratingMethodOf(state.config).reasons : [];
  const required = reasonRequired(phase.ballot);
  const given = hasReason(phase.draft);
  const { draft } = phase;
  return (
    <>
      <p className="rating__sent" data-testid="rating-sent">
        {text('rating.recorded')}: {t(ratingAnswerNames[phase.ballot.answer])}
      </p>
      <h1>
        {required ? text('rating.whyRequired') : text('rating.whyOptional')}{' '}
        <small data-testid="rating-reason-need">{required ? text('rating.required') : text('rating.optional')}</small>
      </h1>
      <div className="rating__reasons">
        {offered.map((reason) => {
          const on = draft.reasons.includes(reason.id);
          return (
            <button
              key={reason.id}
              type="button"
              className={`reason${on ? ' reason--on' : ''}`}
              aria-pressed={on}
              onClick={() =>
                onChange({
                  ...draft,
                  reasons: on ? draft.reasons.filter((r) => r !== reason.id) : [...draft.reasons, reason.id],
                })
              }
              data-testid={`reason-${reason.id}`}
            >
              {t(reason.name)}
            </button>
          );
        })}
      </div>
      <label className="rating__reasonText">
        <span>{text('rating.otherReason')}</span>
        <textarea
          value={draft.text}
          maxLength={MAX_RATING_REASON_TEXT}
          rows={2}
          onChange={(e) => onChange({ ...draft, text: e.target.value })}
          data-testid="rating-reason-text"
        />
      </label>
      {error && (
        <p className="rating__error" role="alert" data-testid="rating-error">
          {error}
        </p>
      )}
      <div className="rating__sendRow">
        <button
          type="button"
          className="btn btn--ghost rating__back"
          disabled={sending}
          onClick={onBack}
          data-testid="rating-back"
        >
          {text('rating.back')}
        </button>
        <button
          type="button"
          className="btn btn--primary rating__send"
          disabled={sending || (required && !given)}
          onClick={onSend}
          data-testid="rating-send"
        >
          {given ? text('rating.send') : required ? text('rating.sendHint') : text('compactBar.done')}
        </button>
      </div>
    </>
  );
}

const mouths: Record<RatingAnswer, string> = {
  verySatisfied: 'M30 62 Q50 84 70 62',
  satisfied: 'M32 64 Q50 76 68 64',
  neutral: 'M33 68 L67 68',
  dissatisfied: 'M32 74 Q50 60 68 74',
  veryDissatisfied: 'M30 78 Q50 54 70 78',
};

/** Drawn faces, not emoji: tablets and Linux boxes may lack a colour emoji font. */
function Face({ answer }: { answer: RatingAnswer }) {
  return (
    <svg viewBox="0 0 100 100" className="face" aria-hidden="true">
      <circle cx="50" cy="50" r="44" className="face__disc" />
      <circle cx="36" cy="40" r="6" className="face__eye" />
      <circle cx="64" cy="40" r="6" className="face__eye" />
      <path d={mouths[answer]} className="face__mouth" />
    </svg>
  );
}
