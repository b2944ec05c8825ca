import { dossierCodeSchema, type Ticket } from '@motcua/core';
import { useLanguage } from '@motcua/ui';
import { useState, type FormEvent } from 'react';

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
  const { t } = useLanguage();
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
    if (await props.onAttach(ticket.id, parsed.data)) setCode('');
  };

  return (
    <div className="dossiers" data-testid="dossier-panel">
      <form className="dossiers__form" onSubmit={(e) => void submit(e)}>
        <label>
          <span>{t({ vi: 'Mã hồ sơ', en: 'Dossier code' })}</span>
          <input
            name="dossierCode"
            value={code}
            disabled={!active}
            autoComplete="off"
            placeholder={
              active
                ? t({ vi: 'Quét phiếu hẹn hoặc nhập mã, Enter', en: 'Scan the receipt or type the code, Enter' })
                : t({ vi: 'Gọi số trước rồi quét mã hồ sơ', en: 'Call a ticket, then scan its dossier' })
            }
            onChange={(e) => setCode(e.target.value)}
            data-testid="dossier-input"
          />
        </label>
        <button type="submit" className="btn" disabled={!active || code.trim() === ''} data-testid="dossier-attach">
          {t({ vi: 'Gắn mã', en: 'Link' })}
        </button>
      </form>
      {invalid ? (
        <p className="form-error" role="alert">
          {t({
            vi: 'Mã hồ sơ chỉ gồm chữ, số và . _ / - (3–64 ký tự). Vui lòng kiểm tra lại.',
            en: 'A dossier code has letters, digits and . _ / - (3–64 characters). Please check it.',
          })}
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
