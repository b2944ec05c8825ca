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
    booked: { vi: 'Đã đặt lịch', en: 'Booked' },
    checkedIn: { vi: 'Đã lấy số', en: 'Checked in' },
    cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
    noShow: { vi: 'Đã quá giờ hẹn', en: 'Missed' },
  }[booking.status];

  return (
    <section className={`card booking booking--${booking.status}`} data-testid="booking">
      <p className="booking-status">{t(statusText)}</p>
      <p className="label-caption">{t({ vi: 'Mã đặt lịch', en: 'Booking code' })}</p>
      <p className="code" data-testid="booking-code" data-code={booking.code}>
        {spacedCode(booking.code)}
      </p>
      {qr && booking.status === 'booked' && (
        <img className="qr" src={qr} alt={t({ vi: 'Mã QR đặt lịch', en: 'Booking QR code' })} />
      )}
      <dl className="facts">
        <dt>{t({ vi: 'Thủ tục', en: 'Service' })}</dt>
        <dd>{t(booking.service)}</dd>
        <dt>{t({ vi: 'Ngày', en: 'Day' })}</dt>
        <dd>{dayLabel(booking.day, language)}</dd>
        <dt>{t({ vi: 'Giờ hẹn', en: 'Time' })}</dt>
        <dd data-testid="booking-slot">{booking.slot}</dd>
      </dl>
      {booking.status === 'booked' && (
        <p className="hint">
          {t({
            vi: `Khi đến ${booking.officeName}, quét mã QR này (hoặc nhập mã) tại máy lấy số từ ${booking.checkInFrom} đến ${booking.checkInUntil} để được gọi theo giờ hẹn. Đến muộn hơn, Ông/Bà vẫn được lấy số nhưng xếp như người đến trực tiếp.`,
            en: `At ${booking.officeName}, scan this QR code (or type the code) at the ticket kiosk between ${booking.checkInFrom} and ${booking.checkInUntil} to be called at your booked time. Later, you still get a ticket, queued like a walk-in.`,
          })}
        </p>
      )}
      <Problem refusal={problem} />
      {booking.status === 'booked' &&
        (confirming ? (
          <div className="row">
            <button type="button" className="danger" onClick={() => void cancel()} data-testid="confirm-cancel">
              {t({ vi: 'Xác nhận hủy lịch', en: 'Yes, cancel it' })}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              {t({ vi: 'Không hủy', en: 'Keep it' })}
            </button>
          </div>
        ) : (
          <button type="button" className="secondary" onClick={() => setConfirming(true)} data-testid="cancel-booking">
            {t({ vi: 'Hủy lịch hẹn', en: 'Cancel booking' })}
          </button>
        ))}
    </section>
  );
}

function FindBooking({ onFound }: { onFound(b: BookingView): void }) {
  const { t } = useLanguage();
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
        {t({ vi: 'Đã có mã đặt lịch? Tra cứu hoặc hủy:', en: 'Have a booking code? Look it up or cancel:' })}
        <input value={code} onChange={(e) => setCode(e.target.value)} placeholder="ABCD 2345" maxLength={12} />
      </label>
      <button type="submit" className="secondary">
        {t({ vi: 'Tra cứu', en: 'Look up' })}
      </button>
      <Problem refusal={problem} />
    </form>
  );
}

/** `/book/`: choose a service, a day and a time; name and phone are optional. */
export function BookingPage({ initialCode }: { initialCode: string | null }) {
  const { t, language } = useLanguage();
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
        <span className="office">{officeName || t({ vi: 'Bộ phận Một cửa', en: 'One-stop desk' })}</span>
        <LanguageSwitch />
      </header>
      <main className="booking-page">
        <h1>{t({ vi: 'Đặt lịch hẹn trực tuyến', en: 'Book a time online' })}</h1>
        {booking ? (
          <>
            <BookingCard booking={booking} onChange={setBooking} />
            <button type="button" className="link" onClick={startOver}>
              {t({ vi: 'Đặt lịch khác', en: 'Book another time' })}
            </button>
          </>
        ) : (
          <form onSubmit={(e) => void submit(e)}>
            <p className="intro">
              {t({
                vi: 'Chọn thủ tục, ngày và giờ. Khi đến, quét mã tại máy lấy số để được gọi theo giờ hẹn, không phải chờ lâu.',
                en: 'Choose a service, a day and a time. When you arrive, scan your code at the kiosk to be called at your time.',
              })}
            </p>
            {offer && offer.services.length === 0 && (
              <p className="problem" role="status">
                {t({
                  vi: 'Hiện chưa nhận đặt lịch trực tuyến. Vui lòng đến lấy số tại bộ phận một cửa.',
                  en: 'Online booking is not open. Please take a ticket at the desk.',
                })}
              </p>
            )}
            {offer && offer.services.length > 0 && (
              <fieldset>
                <legend>1. {t({ vi: 'Thủ tục', en: 'Service' })}</legend>
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
                <legend>2. {t({ vi: 'Ngày', en: 'Day' })}</legend>
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
                <legend>3. {t({ vi: 'Giờ', en: 'Time' })}</legend>
                {slots === null ? (
                  <p>{t({ vi: 'Đang tải…', en: 'Loading…' })}</p>
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
                            {s.available
                              ? t({ vi: `còn ${s.left}`, en: `${s.left} left` })
                              : t({ vi: 'đã đủ', en: 'full' })}
                          </small>
                        </button>
                      ))}
                  </div>
                ) : (
                  <p className="problem">
                    {t({
                      vi: 'Ngày này đã hết chỗ. Vui lòng chọn ngày khác.',
                      en: 'No time left on this day. Please choose another day.',
                    })}
                  </p>
                )}
              </fieldset>
            )}
            {slot && (
              <fieldset>
                <legend>4. {t({ vi: 'Liên hệ (không bắt buộc)', en: 'Contact (optional)' })}</legend>
                <p className="hint">
                  {t({
                    vi: 'Chỉ dùng để nhắn tin khi sắp đến lượt, nếu cơ quan có dịch vụ tin nhắn. Được xóa sau ngày hẹn.',
                    en: 'Only used to message you when your turn is near, if the office has a messaging service. Deleted after the day.',
                  })}
                </p>
                <label>
                  {t({ vi: 'Họ tên', en: 'Name' })}
                  <input value={name} onChange={(e) => setName(e.target.value)} maxLength={80} autoComplete="name" />
                </label>
                <label>
                  {t({ vi: 'Số điện thoại', en: 'Phone' })}
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
                {busy
                  ? t({ vi: 'Đang đặt…', en: 'Booking…' })
                  : t({
                      vi: `Đặt lịch ${slot}, ${dayLabel(day ?? '', language)}`,
                      en: `Book ${slot}, ${dayLabel(day ?? '', language)}`,
                    })}
              </button>
            )}
          </form>
        )}
        {!booking && <FindBooking onFound={setBooking} />}
      </main>
    </div>
  );
}
