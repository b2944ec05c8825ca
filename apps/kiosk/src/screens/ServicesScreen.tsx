import type { QueueState, Service } from '@motcua/core';
import { useLanguage } from '@motcua/ui';
import { servicesOfField } from '../searchServices';
import { BackButton } from './BackButton';
import { ServiceButton } from './ServiceButton';
import { useKioskText } from '../i18n/strings';

export function ServicesScreen(props: {
  state: QueueState;
  fieldId: string;
  now: number;
  onService(service: Service): void;
  onBack(): void;
}) {
  const { t } = useLanguage();
  const text = useKioskText();
  const field = props.state.config.fields[props.fieldId];
  return (
    <section className="kiosk-step">
      <div className="kiosk-step-head">
        <BackButton onBack={props.onBack} />
        <h1>{field ? t(field.name) : ''}</h1>
      </div>
      <p className="kiosk-lead">{text('services.choose')}</p>
      <div className="kiosk-list">
        {servicesOfField(props.state, props.fieldId).map((service) => (
          <ServiceButton
            key={service.id}
            state={props.state}
            service={service}
            now={props.now}
            onService={props.onService}
          />
        ))}
      </div>
    </section>
  );
}
