import type { PriorityGroup, QueueState } from '@motcua/core';
import { useLanguage } from '@motcua/ui';
import type { ReactNode } from 'react';
import { hasProcedureInfo } from '../kioskFlow';
import { ProcedureInfoPanel } from '../ProcedureInfoPanel';
import { BackButton } from './BackButton';
import { useKioskText } from '../i18n/strings';

/** The last step before the ticket: the procedure's papers, fee and time, and the priority question when asked. */
export function DetailsScreen(props: {
  state: QueueState;
  serviceId: string;
  /** For a result collection: where the citizen scans or types the dossier code. */
  dossierEntry: ReactNode;
  /** The priority group the citizen's ID card gives (age); they confirm it with the first button. */
  proposal: PriorityGroup | null;
  onChoose(group: string | null): void;
  onBack(): void;
}) {
  const { t } = useLanguage();
  const text = useKioskText();
  const { config } = props.state;
  const service = config.services[props.serviceId];
  const info = config.procedures?.[props.serviceId];
  const { proposal } = props;
  const asksPriority = (config.priority.kioskAsks && config.priority.groups.length > 0) || proposal !== null;
  return (
    <section className="kiosk-step">
      <div className="kiosk-step-head">
        <BackButton onBack={props.onBack} />
        <h1>{asksPriority ? text('details.askPriority') : text('details.prepare')}</h1>
      </div>
      {service ? <p className="kiosk-lead">{t(service.name)}</p> : null}
      {props.dossierEntry}
      {hasProcedureInfo(info) ? <ProcedureInfoPanel info={info} /> : null}
      <div className="kiosk-priority">
        {proposal ? (
          <button
            type="button"
            className="kiosk-tile kiosk-tile--priority kiosk-tile--proposed"
            onClick={() => props.onChoose(proposal.id)}
            data-testid="kiosk-age-priority-confirm"
          >
            <span className="kiosk-tile-title">{text('idCard.confirmAgePriority')}</span>
            <span className="kiosk-tile-sub">{t(proposal.name)}</span>
          </button>
        ) : null}
        <button type="button" className="kiosk-tile kiosk-tile--normal" onClick={() => props.onChoose(null)}>
          <span className="kiosk-tile-title">
            {asksPriority ? text('details.noPriority') : text('home.takeTicket')}
          </span>
          {asksPriority ? <span className="kiosk-tile-sub">{text('details.regularTicket')}</span> : null}
        </button>
        {config.priority.kioskAsks
          ? config.priority.groups.map((group) => (
              <button
                type="button"
                key={group.id}
                className="kiosk-tile kiosk-tile--priority"
                onClick={() => props.onChoose(group.id)}
              >
                <span className="kiosk-tile-title">{t(group.name)}</span>
                <span className="kiosk-tile-sub">{text('details.priority')}</span>
              </button>
            ))
          : null}
      </div>
      {asksPriority ? <p className="kiosk-hint">{text('details.proofHint')}</p> : null}
    </section>
  );
}
