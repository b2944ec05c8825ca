import type { HubClient } from '@motcua/client';
import { BOOKING_CODE_ALPHABET, bookingCodeFromText, type Language, type LocalizedName } from '@motcua/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import './checkInPanel.css';
import { checkInNotice, checkInRefusal, type CheckInSuccess } from './checkInMessages';
import { uiStrings, type UiTextKey } from '../i18n/strings.js';

export type { CheckInSuccess } from './checkInMessages';

export interface CheckInPanelProps {
  /** The kiosk's paired client: the hub checks in as this kiosk device. */
  client: HubClient;
  language: Language;
  /** A ticket was issued for the booking: print it and show it. `notice` says how it was queued. */
  onTicket(result: CheckInSuccess & { notice: LocalizedName }): void;
  /** The citizen leaves the panel (a "back" button is shown when given). */
  onClose?(): void;
}

/**
 * Check-in for an online booking at the kiosk: a barcode scanner types the QR's link and Enter
 * into the field, or the citizen types the 8-character code on the keys below.
 */
export function CheckInPanel({ client, language, onTicket, onClose }: CheckInPanelProps) {
  const t = (text: LocalizedName) => (language === 'en' && text.en ? text.en : text.vi);
  const say = (key: UiTextKey) => t(uiStrings[key]);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'problem'; text: LocalizedName } | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const request = useRef<{ code: string; requestId: string } | null>(null);

  useEffect(() => input.current?.focus(), []);

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    const code = bookingCodeFromText(text);
    if (!code) {
      setMessage({
        kind: 'problem',
        text: uiStrings['checkIn.badCode'],
      });
      return;
    }
    // The same code sent again (a lost answer) keeps its requestId, so it never issues two tickets.
    if (request.current?.code !== code) request.current = { code, requestId: globalThis.crypto.randomUUID() };
    setBusy(true);
    setMessage(null);
    const reply = await client.request('appointment.checkIn', request.current, 10_000);
    setBusy(false);
    if (!reply.ok && reply.code === 'TIMEOUT') {
      setMessage({ kind: 'problem', text: uiStrings['checkIn.offline'] });
      return;
    }
    if (!reply.ok) {
      setMessage({ kind: 'problem', text: checkInRefusal(reply) });
      setText('');
      input.current?.focus();
      return;
    }
    const notice = checkInNotice(reply);
    request.current = null;
    setText('');
    setMessage({ kind: 'ok', text: notice });
    onTicket({ ...reply, notice });
  }

  const typedCode = bookingCodeFromText(text);
  const shown = typedCode ?? text.replace(/\s/g, '').toUpperCase().slice(0, 12);

  return (
    <form
      className="checkin"
      onSubmit={(e) => void submit(e)}
      onClick={() => input.current?.focus()}
      data-testid="checkin-panel"
    >
      <h2>{say('checkIn.title')}</h2>
      <p className="checkin-hint">{say('checkIn.hint')}</p>
      <input
        ref={input}
        className="checkin-input"
        value={text}
        onChange={(e) => setText(e.target.value)}
        maxLength={300}
        autoComplete="off"
        spellCheck={false}
        aria-label={say('checkIn.code')}
        data-testid="checkin-code"
      />
      <p className="checkin-typed" aria-hidden="true">
        {shown ? `${shown.slice(0, 4)} ${shown.slice(4)}` : '···· ····'}
      </p>
      <div className="checkin-keys">
        {[...BOOKING_CODE_ALPHABET].map((key) => (
          <button
            type="button"
            key={key}
            onClick={() => {
              setText((v) => (bookingCodeFromText(v) ?? v) + key);
              input.current?.focus();
            }}
          >
            {key}
          </button>
        ))}
        <button
          type="button"
          className="checkin-erase"
          onClick={() => {
            setText((v) => v.slice(0, -1));
            input.current?.focus();
          }}
        >
          {say('checkIn.erase')}
        </button>
      </div>
      {message && (
        <p className={`checkin-message checkin-message--${message.kind}`} role="alert" data-testid="checkin-message">
          {t(message.text)}
        </p>
      )}
      <div className="checkin-actions">
        {onClose && (
          <button type="button" className="checkin-back" onClick={onClose}>
            {say('checkIn.back')}
          </button>
        )}
        <button type="submit" className="checkin-submit" disabled={busy || !typedCode} data-testid="checkin-submit">
          {busy ? say('checkIn.checking') : say('checkIn.submit')}
        </button>
      </div>
    </form>
  );
}
