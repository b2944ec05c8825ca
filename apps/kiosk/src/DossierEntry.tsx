import type { HubClient } from '@motcua/client';
import { dossierCodeSchema, type DossierLookupReply } from '@motcua/core';
import { useLanguage } from '@motcua/ui';
import { useState, type FormEvent } from 'react';
import { OnScreenKeyboard } from './OnScreenKeyboard';

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
  const { t } = useLanguage();
  const [text, setText] = useState('');
  const [keyboard, setKeyboard] = useState(false);
  const [found, setFound] = useState<Found>({ state: 'idle' });

  const lookUp = async (event?: FormEvent) => {
    event?.preventDefault();
    const parsed = dossierCodeSchema.safeParse(text);
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
    if (key === 'backspace') setText((s) => s.slice(0, -1));
    else if (key === 'clear') setText('');
    else if (key !== ' ') setText((s) => (s + key.toUpperCase()).slice(0, 64));
    props.onCode(null);
    setFound({ state: 'idle' });
  };

  let result = null;
  if (found.state === 'looking') result = <p className="kiosk-lead">{t({ vi: 'Đang tra cứu…', en: 'Looking up…' })}</p>;
  if (found.state === 'done') {
    const { reply } = found;
    result = (
      <p className="kiosk-dossier-result" data-testid="kiosk-dossier-result" role="status">
        {!reply.ok
          ? t({
              vi: 'Mã hồ sơ chưa đúng. Vui lòng kiểm tra phiếu hẹn hoặc hỏi cán bộ.',
              en: 'That dossier code is not valid. Check the receipt or ask a staff member.',
            })
          : reply.filed
            ? t({
                vi: `Hồ sơ ${reply.dossierCode}: ${reply.filed.serviceName.vi}, nộp ngày ${reply.filed.serviceDay.split('-').reverse().join('/')}.`,
                en: `Dossier ${reply.dossierCode}: ${reply.filed.serviceName.en || reply.filed.serviceName.vi}, filed ${reply.filed.serviceDay}.`,
              })
            : t({
                vi: `Hồ sơ ${reply.dossierCode}: chưa có trên hệ thống xếp hàng. Ông/Bà vẫn lấy số được, cán bộ sẽ tra cứu.`,
                en: `Dossier ${reply.dossierCode} is not in the queue system yet. You can still take a ticket.`,
              })}
      </p>
    );
  }

  return (
    <div className="kiosk-dossier" data-testid="kiosk-dossier">
      <form className="kiosk-search" onSubmit={(e) => void lookUp(e)}>
        <input
          name="dossierCode"
          value={text}
          autoFocus
          autoComplete="off"
          placeholder={t({
            vi: 'Quét mã trên phiếu hẹn trả kết quả hoặc nhập mã hồ sơ',
            en: 'Scan the code on your receipt or type the dossier code',
          })}
          aria-label={t({ vi: 'Mã hồ sơ', en: 'Dossier code' })}
          onChange={(e) => {
            setText(e.target.value);
            props.onCode(null);
            setFound({ state: 'idle' });
          }}
          onClick={() => setKeyboard(true)}
          data-testid="kiosk-dossier-input"
        />
        <button type="submit" className="kiosk-secondary" data-testid="kiosk-dossier-lookup">
          {t({ vi: 'Tra cứu', en: 'Look up' })}
        </button>
      </form>
      {result}
      {keyboard ? <OnScreenKeyboard onKey={onKey} symbols={DOSSIER_SYMBOLS} /> : null}
    </div>
  );
}
