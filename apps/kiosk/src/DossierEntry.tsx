import type { HubClient } from '@motcua/client';
import { dossierCodeSchema, type DossierLookupReply } from '@motcua/core';
import { useState, type FormEvent } from 'react';
import { OnScreenKeyboard } from './OnScreenKeyboard';
import { useKioskText } from './i18n/strings';

type LookupReply = DossierLookupReply | { ok: false; code: 'BAD_REQUEST' };

/** The characters of a dossier code besides letters and digits. */
const DOSSIER_SYMBOLS = ['.', '-', '/', '_'];

type Found = { state: 'idle' } | { state: 'looking' } | { state: 'done'; reply: LookupReply };

/**
 * For collecting a result: the citizen scans the receipt slip's code (the kiosk's scanner types into the
 * field) or types it; the kiosk shows what the dossier was filed for. The code goes on the ticket; a
 * citizen without the slip may still take a ticket.
 */
export function DossierEntry(props: { client: HubClient; onCode(code: string | null): void }) {
  const text = useKioskText();
  const [typed, setTyped] = useState('');
  const [keyboard, setKeyboard] = useState(false);
  const [found, setFound] = useState<Found>({ state: 'idle' });

  const lookUp = async (event?: FormEvent) => {
    event?.preventDefault();
    const parsed = dossierCodeSchema.safeParse(typed);
    if (!parsed.success) {
      props.onCode(null);
      setFound({ state: 'done', reply: { ok: false, code: 'BAD_REQUEST' } });
      return;
    }
    props.onCode(parsed.data);
    setFound({ state: 'looking' });
    const reply = await props.client.request('dossier.lookup', { dossierCode: parsed.data }, 8000);
    // Without an answer the ticket can still carry the code; the lookup only reassures the citizen.
    setFound(!reply.ok && reply.code === 'TIMEOUT' ? { state: 'idle' } : { state: 'done', reply });
  };

  const onKey = (key: string) => {
    if (key === 'backspace') setTyped((s) => s.slice(0, -1));
    else if (key === 'clear') setTyped('');
    else if (key !== ' ') setTyped((s) => (s + key.toUpperCase()).slice(0, 64));
    props.onCode(null);
    setFound({ state: 'idle' });
  };

  let result = null;
  if (found.state === 'looking') result = <p className="kiosk-lead">{text('dossier.lookingUp')}</p>;
  if (found.state === 'done') {
    const { reply } = found;
    result = (
      <p className="kiosk-dossier-result" data-testid="kiosk-dossier-result" role="status">
        {!reply.ok
          ? text('dossier.invalid')
          : reply.filed
            ? text('dossier.filed', {
                code: reply.dossierCode,
                procedure: reply.filed.serviceName,
                day: reply.filed.serviceDay.split('-').reverse().join('/'),
              })
            : text('dossier.unknown', { code: reply.dossierCode })}
      </p>
    );
  }

  return (
    <div className="kiosk-dossier" data-testid="kiosk-dossier">
      <form className="kiosk-search" onSubmit={(e) => void lookUp(e)}>
        <input
          name="dossierCode"
          value={typed}
          autoFocus
          autoComplete="off"
          placeholder={text('dossier.placeholder')}
          aria-label={text('dossier.code')}
          onChange={(e) => {
            setTyped(e.target.value);
            props.onCode(null);
            setFound({ state: 'idle' });
          }}
          onClick={() => setKeyboard(true)}
          data-testid="kiosk-dossier-input"
        />
        <button type="submit" className="kiosk-secondary" data-testid="kiosk-dossier-lookup">
          {text('dossier.lookUp')}
        </button>
      </form>
      {result}
      {keyboard ? <OnScreenKeyboard onKey={onKey} symbols={DOSSIER_SYMBOLS} /> : null}
    </div>
  );
}
