import type { QueueState, Service } from '@motcua/core';
import { useLanguage } from '@motcua/ui';
import { procedureCount } from '../kioskMessages';
import { OnScreenKeyboard } from '../OnScreenKeyboard';
import { kioskFields, searchServices, servicesOfField } from '../searchServices';
import { BackButton } from './BackButton';
import { ServiceButton } from './ServiceButton';
import { useKioskText } from '../i18n/strings';

/** The fields of the office as tiles, or a search over every procedure (typed without diacritics too). */
export function FieldsScreen(props: {
  state: QueueState;
  query: string;
  keyboard: boolean;
  onQuery(query: string, keyboard: boolean): void;
  onField(fieldId: string): void;
  onService(service: Service): void;
  onBack(): void;
}) {
  const { t } = useLanguage();
  const text = useKioskText();
  const { state, query, keyboard } = props;
  const found = searchServices(state, query);
  const onKey = (key: string) => {
    if (key === 'backspace') props.onQuery(query.slice(0, -1), true);
    else if (key === 'clear') props.onQuery('', true);
    else props.onQuery((query + key).slice(0, 60), true);
  };
  return (
    <section className="kiosk-step">
      <div className="kiosk-step-head">
        <BackButton onBack={props.onBack} />
        <h1>{text('fields.title')}</h1>
      </div>
      <div className="kiosk-search">
        <input
          type="search"
          value={query}
          placeholder={text('fields.searchPlaceholder')}
          aria-label={text('fields.search')}
          onChange={(e) => props.onQuery(e.target.value, keyboard)}
          onFocus={() => props.onQuery(query, true)}
          data-testid="kiosk-search"
        />
      </div>
      {query.trim() ? (
        <div className="kiosk-list" data-testid="kiosk-search-results">
          {found.length === 0 ? (
            <p className="kiosk-lead">{text('fields.nothingFound')}</p>
          ) : (
            found.map((service) => (
              <ServiceButton
                key={service.id}
                state={state}
                service={service}
                now={Date.now()}
                onService={props.onService}
              />
            ))
          )}
        </div>
      ) : (
        <div className="kiosk-tiles">
          {kioskFields(state).map((field) => (
            <button type="button" key={field.id} className="kiosk-tile" onClick={() => props.onField(field.id)}>
              <span className="kiosk-tile-title">{t(field.name)}</span>
              <span className="kiosk-tile-sub">{t(procedureCount(servicesOfField(state, field.id).length))}</span>
            </button>
          ))}
        </div>
      )}
      {keyboard ? <OnScreenKeyboard onKey={onKey} /> : null}
    </section>
  );
}
