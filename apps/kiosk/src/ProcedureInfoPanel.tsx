import type { ProcedureInfo } from '@motcua/core';
import { useKioskText } from './i18n/strings';

/**
 * The papers to bring, the fee and the processing time of the chosen procedure, shown before the
 * ticket is taken so the citizen can go home for a missing paper instead of queueing twice.
 */
export function ProcedureInfoPanel({ info }: { info: ProcedureInfo }) {
  const text = useKioskText();
  return (
    <aside className="kiosk-procedure" data-testid="kiosk-procedure-info">
      {info.documents.length > 0 ? (
        <>
          <h2>{text('procedure.documents')}</h2>
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
            <dt>{text('procedure.fee')}</dt>
            <dd data-testid="kiosk-procedure-fee">{info.fee}</dd>
          </div>
        ) : null}
        {info.processingTime ? (
          <div>
            <dt>{text('procedure.processingTime')}</dt>
            <dd>{info.processingTime}</dd>
          </div>
        ) : null}
        {info.catalogueCode ? (
          <div>
            <dt>{text('procedure.code')}</dt>
            <dd>{info.catalogueCode}</dd>
          </div>
        ) : null}
      </dl>
    </aside>
  );
}
