import { dossierCodeSchema, type Ticket } from '@motcua/core';
import { useState, type FormEvent } from 'react';
import { useCounterText } from './i18n/strings';

/**
 * The dossier codes (mã hồ sơ) of the ticket being served: scanned from the receipt slip (the scanner
 * types anywhere on this screen) or typed here, so waiting, service time and rating are reported per dossier.
 */
export function DossierPanel(props: {
  ticket: Ticket | null;
  /** Why the last scan was not attached, if it was not. */
  problem: string | null;
  onAttach(ticketId: string, dossierCode: string): Promise<boolean>;
}) {
  const text = useCounterText();
  const [code, setCode] = useState('');
  const [invalid, setInvalid] = useState(false);
  const { ticket } = props;
  const active = ticket !== null && (ticket.status === 'called' || ticket.status === 'serving');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ticket) return;
    const parsed = dossierCodeSchema.safeParse(code);
    setInvalid(!parsed.success);
    if (!parsed.success) return;
    // Emptied only if it still holds this code: the clerk (or the scanner) may have entered the next one meanwhile.
    const sent = code;
    if (await props.onAttach(ticket.id, parsed.data)) setCode((shown) => (shown === sent ? '' : shown));
  };

  return (
    <div className="dossiers" data-testid="dossier-panel">
      <form className="dossiers__form" onSubmit={(e) => void submit(e)}>
        <label>
          <span>{text('dossier.code')}</span>
          <input
            name="dossierCode"
            value={code}
            disabled={!active}
            autoComplete="off"
            placeholder={active ? text('dossier.placeholder') : text('dossier.callFirst')}
            onChange={(e) => setCode(e.target.value)}
            data-testid="dossier-input"
          />
        </label>
        <button type="submit" className="btn" disabled={!active || code.trim() === ''} data-testid="dossier-attach">
          {text('dossier.link')}
        </button>
      </form>
      {invalid ? (
        <p className="form-error" role="alert">
          {text('dossier.invalid')}
        </p>
      ) : null}
      {props.problem ? (
        <p className="form-error" role="alert" data-testid="dossier-problem">
          {props.problem}
        </p>
      ) : null}
      {active && ticket.dossierCodes?.length ? (
        <ul className="dossiers__codes" data-testid="dossier-codes">
          {ticket.dossierCodes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
