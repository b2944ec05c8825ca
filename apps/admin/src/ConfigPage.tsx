import { useQueueState } from '@motcua/client';
import './config/vietnameseZod';
import { useState } from 'react';
import { OfficeForm } from './config/OfficeSection';
import { ServicesSection } from './config/ServicesSection';
import { CountersSection } from './config/CountersSection';
import { UsersSection } from './config/UsersSection';
import { DevicesSection } from './config/DevicesSection';
import { PrintersSection } from './config/PrintersSection';
import { PriorityForm } from './config/PrioritySection';
import { DisplayForm } from './config/DisplaySection';
import { KioskSection } from './config/KioskSection';
import { RatingMethodForm } from './config/RatingMethodSection';
import { useAdminText } from './i18n/strings';

type Section =
  'office' | 'services' | 'counters' | 'users' | 'devices' | 'kiosk' | 'printers' | 'priority' | 'display' | 'rating';

const SECTIONS: Section[] = [
  'office',
  'services',
  'counters',
  'users',
  'devices',
  'kiosk',
  'printers',
  'priority',
  'display',
  'rating',
];

/** Every change an admin makes here is a command: validated, audited, and live on every device. */
export function ConfigPage() {
  const state = useQueueState();
  const text = useAdminText();
  const [section, setSection] = useState<Section>('services');
  if (!state) return null;
  return (
    <div className="page config" data-testid="config-page">
      <h1>{text('config.title')}</h1>
      <div className="tabs" role="tablist">
        {SECTIONS.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={section === id}
            onClick={() => setSection(id)}
            data-testid={`config-tab-${id}`}
          >
            {text(`config.tab.${id}`)}
          </button>
        ))}
      </div>
      {section === 'office' && <OfficeForm state={state} />}
      {section === 'services' && <ServicesSection state={state} />}
      {section === 'counters' && <CountersSection state={state} />}
      {section === 'users' && <UsersSection state={state} />}
      {section === 'devices' && <DevicesSection state={state} />}
      {section === 'kiosk' && <KioskSection state={state} />}
      {section === 'printers' && <PrintersSection state={state} />}
      {section === 'priority' && <PriorityForm state={state} />}
      {section === 'display' && <DisplayForm state={state} />}
      {section === 'rating' && <RatingMethodForm state={state} />}
    </div>
  );
}
