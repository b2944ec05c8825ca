import { LanguageSwitch, useLanguage } from '@motcua/ui';
import QRCode from 'qrcode';
import { useEffect, useState, type FormEvent } from 'react';
import {
  bookingApi,
  refusalText,
  type BookableService,
  type BookingOffer,
  type BookingView,
  type HubRefusal,
  type SlotOffer,
} from './api';
import { dayLabel, spacedCode } from './dates';
import { citizenText, useCitizenText } from './i18n/strings';

function newRequestId(): string {
  return globalThis.crypto.randomUUID();
}

function Problem({ refusal }: { refusal: HubRefusal | null }) {
  const { language } = useLanguage();
  if (!refusal) return null;
  return (
    <p className="problem" role="alert" data-testid="problem">
      {refusalText(refusal, language)}
    </p>
  );
}

/** The booking, its code and the QR the citizen scans at the kiosk; cancellable with the code. */
function BookingCard({ booking, onChange }: { booking: BookingView; onChange(b: BookingView): void }) {
  const { t, language } = useLanguage();
  const text = useCitizenText();
  const [qr, setQr] = useState<string | null>(null);
  const [problem, setProblem] = useState<HubRefusal | null>(null);
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    void QRCode.toDataURL(booking.bookingUrl, { margin: 1, width: 240, errorCorrectionLevel: 'M' }).then(setQr);
  }, [booking.bookingUrl]);

  async function cancel() {
    const reply = await bookingApi.cancel(booking.code);
    if (reply.ok) onChange(reply.appointment);
    else setProblem(reply);
    setConfirming(false);
  }

  const statusText = {
    booked: citizenText('booking.booked'),
    checkedIn: citizenText('booking.checkedIn'),
    cancelled: citizenText('booking.cancelled'),
    noShow: citizenText('booking.missed'),
  }[booking.status];

  return (
    <section className={`card booking booking--${booking.status}`} data-testid="booking">
      <p className="booking-status">{t(statusText)}</p>
      <p className="label-caption">{text('booking.bookingCode')}</p>
      <p className="code" data-testid="booking-code" data-code={booking.code}>
        {spacedCode(booking.code)}
      </p>
      {qr && booking.status === 'booked' && <img className="qr" src={qr} alt={text('booking.bookingQrCode')} />}
      <dl className="facts">
        <dt>{text('booking.procedure')}</dt>
        <dd>{t(booking.service)}</dd>
        <dt>{text('booking.day')}</dt>
        <dd>{dayLabel(booking.day, language)}</dd>
        <dt>{text('booking.time')}</dt>
        <dd data-testid="booking-slot">{booking.slot}</dd>
      </dl>
      {booking.status === 'booked' && (
        <p className="hint">
          {text('booking.checkInHint', {
            office: booking.officeName,
            from: booking.checkInFrom,
            until: booking.checkInUntil,
          })}
        </p>
      )}
      <Problem refusal={problem} />
      {booking.status === 'booked' &&
        (confirming ? (
          <div className="row">
            <button type="button" className="danger" onClick={() => void cancel()} data-testid="confirm-cancel">
              {text('booking.yesCancelIt')}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              {text('booking.keepIt')}
            </button>
          </div>
        ) : (
          <button type="button" className="secondary" onClick={() => setConfirming(true)} data-testid="cancel-booking">
            {text('booking.cancelBooking')}
          </button>
        ))}
    </section>
  );
}

function FindBooking({ onFound }: { onFound(b: BookingView): void }) {
  const text = useCitizenText();
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<HubRefusal | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const reply = await bookingApi.find(code);
    if (reply.ok) onFound(reply.appointment);
    else setProblem(reply);
  }
  return (
    <form className="find" onSubmit={(e) => void submit(e)}>
      <label>
        {text('booking.findPrompt')}
        <input value={code} onChange={(e) => setCode(e.target.value)} placeholder="ABCD 2345" maxLength={12} />
      </label>
      <button type="submit" className="secondary">
        {text('booking.lookUp')}
      </button>
      <Problem refusal={problem} />
    </form>
  );
}

/** `/book/`: choose a service, a day and a time; name and phone are optional. */
export function BookingPage({ initialCode }: { initialCode: string | null }) {
  const { t, language } = useLanguage();
  const text = useCitizenText();
  const [offer, setOffer] = useState<BookingOffer | null>(null);
  const [problem, setProblem] = useState<HubRefusal | null>(null);
  const [service, setService] = useState<BookableService | null>(null);
  const [day, setDay] = useState<string | null>(null);
  const [slots, setSlots] = useState<SlotOffer[] | null>(null);
  const [slot, setSlot] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [busy, setBusy] = useState(false);
  const [booking, setBooking] = useState<BookingView | null>(null);
  const [requestId, setRequestId] = useState(newRequestId);

  useEffect(() => {
    void bookingApi.offer().then((reply) => (reply.ok ? setOffer(reply) : setProblem(reply)));
    if (initialCode) void bookingApi.find(initialCode).then((reply) => reply.ok && setBooking(reply.appointment));
  }, [initialCode]);

  useEffect(() => {
    setSlots(null);
    setSlot(null);
    if (!service || !day) return;
    void bookingApi.slots(service.id, day).then((reply) => (reply.ok ? setSlots(reply.slots) : setProblem(reply)));
  }, [service, day]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!service || !day || !slot) return;
    setBusy(true);
    setProblem(null);
    const reply = await bookingApi.book({ serviceId: service.id, day, slot, name, phone, requestId });
    setBusy(false);
    if (reply.ok) {
      setBooking(reply.appointment);
      setRequestId(newRequestId());
      window.history.replaceState(null, '', `?code=${reply.appointment.code}`);
    } else {
      setProblem(reply);
      if (reply.code === 'SLOT_FULL' || reply.code === 'SLOT_UNAVAILABLE') {
        void bookingApi.slots(service.id, day).then((r) => r.ok && setSlots(r.slots));
        setSlot(null);
        setRequestId(newRequestId());
      }
    }
  }

  function startOver() {
    setBooking(null);
    setService(null);
    setDay(null);
    window.history.replaceState(null, '', window.location.pathname);
  }

  const officeName = offer ? (language === 'en' && offer.office.nameEn ? offer.office.nameEn : offer.office.name) : '';

  return (
    <div className="page">
      <header className="top">
        <span className="office">{officeName || text('page.officeFallback')}</span>
        <LanguageSwitch />
      </header>
      <main className="booking-page">
        <h1>{text('booking.title')}</h1>
        {booking ? (
          <>
            <BookingCard booking={booking} onChange={setBooking} />
            <button type="button" className="link" onClick={startOver}>
              {text('booking.bookAnotherTime')}
            </button>
          </>
        ) : (
          <form onSubmit={(e) => void submit(e)}>
            <p className="intro">{text('booking.intro')}</p>
            {offer && offer.services.length === 0 && (
              <p className="problem" role="status">
                {text('booking.closed')}
              </p>
            )}
            {offer && offer.services.length > 0 && (
              <fieldset>
                <legend>1. {text('booking.procedure')}</legend>
                <div className="choices">
                  {offer.services.map((s) => (
                    <button
                      type="button"
                      key={s.id}
                      aria-pressed={service?.id === s.id}
                      onClick={() => {
                        setService(s);
                        setDay(s.days[0] ?? null);
                      }}
                    >
                      <strong>{t(s.name)}</strong>
                      {s.field && <small>{t(s.field)}</small>}
                    </button>
                  ))}
                </div>
              </fieldset>
            )}
            {service && (
              <fieldset>
                <legend>2. {text('booking.day')}</legend>
                <div className="chips">
                  {service.days.map((d) => (
                    <button type="button" key={d} aria-pressed={day === d} onClick={() => setDay(d)}>
                      {dayLabel(d, language)}
                    </button>
                  ))}
                </div>
              </fieldset>
            )}
            {service && day && (
              <fieldset>
                <legend>3. {text('booking.timeStep')}</legend>
                {slots === null ? (
                  <p>{text('booking.loading')}</p>
                ) : slots.some((s) => s.available) ? (
                  <div className="slots" data-testid="slots">
                    {slots
                      .filter((s) => s.available || s.reason === 'SLOT_FULL')
                      .map((s) => (
                        <button
                          type="button"
                          key={s.slot}
                          disabled={!s.available}
                          aria-pressed={slot === s.slot}
                          onClick={() => setSlot(s.slot)}
                          data-slot={s.slot}
                        >
                          {s.slot}
                          <small>
                            {s.available ? text('booking.slotsLeft', { left: s.left }) : text('booking.full')}
                          </small>
                        </button>
                      ))}
                  </div>
                ) : (
                  <p className="problem">{text('booking.noTimeLeftOn')}</p>
                )}
              </fieldset>
            )}
            {slot && (
              <fieldset>
                <legend>4. {text('booking.contactOptional')}</legend>
                <p className="hint">{text('booking.onlyUsedToMessage')}</p>
                <label>
                  {text('booking.name')}
                  <input value={name} onChange={(e) => setName(e.target.value)} maxLength={80} autoComplete="name" />
                </label>
                <label>
                  {text('booking.phone')}
                  <input
                    value={phone}
                    onChange={(e) => setPhone(e.target.value)}
                    maxLength={20}
                    inputMode="tel"
                    autoComplete="tel"
                  />
                </label>
              </fieldset>
            )}
            <Problem refusal={problem} />
            {slot && (
              <button type="submit" className="primary" disabled={busy} data-testid="book">
                {busy ? text('booking.booking') : text('booking.submit', { slot, day: dayLabel(day ?? '', language) })}
              </button>
            )}
          </form>
        )}
        {!booking && <FindBooking onFound={setBooking} />}
      </main>
    </div>
  );
}
