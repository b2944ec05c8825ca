import type { ProcedureInfo } from '@motcua/core';
import { useLanguage } from '@motcua/ui';

/**
 * The papers to bring, the fee and the processing time of the chosen procedure, shown before the
 * ticket is taken so the citizen can go home for a missing paper instead of queueing twice.
 */
export function ProcedureInfoPanel({ info }: { info: ProcedureInfo }) {
  const { t } = useLanguage();
  return (
    <aside className="kiosk-procedure" data-testid="kiosk-procedure-info">
      {info.documents.length > 0 ? (
        <>
          <h2>{t({ vi: 'Giấy tờ cần mang theo', en: 'Documents to bring' })}</h2>
          <ul className="kiosk-procedure-documents">
            {info.documents.map((document) => (
              <li key={document}>{document}</li>
            ))}
          </ul>
        </>
      ) : null}
      <dl className="kiosk-procedure-facts">
        {info.fee ? (
          <div>
            <dt>{t({ vi: 'Phí, lệ phí', en: 'Fee' })}</dt>
            <dd data-testid="kiosk-procedure-fee">{info.fee}</dd>
          </div>
        ) : null}
        {info.processingTime ? (
          <div>
            <dt>{t({ vi: 'Thời hạn giải quyết', en: 'Processing time' })}</dt>
            <dd>{info.processingTime}</dd>
          </div>
        ) : null}
        {info.catalogueCode ? (
          <div>
            <dt>{t({ vi: 'Mã thủ tục', en: 'Procedure code' })}</dt>
            <dd>{info.catalogueCode}</dd>
          </div>
        ) : null}
      </dl>
    </aside>
  );
}
