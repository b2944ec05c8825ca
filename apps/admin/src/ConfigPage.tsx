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

type Section =
  'office' | 'services' | 'counters' | 'users' | 'devices' | 'kiosk' | 'printers' | 'priority' | 'display' | 'rating';

const SECTIONS: { id: Section; vi: string }[] = [
  { id: 'office', vi: 'Cơ quan' },
  { id: 'services', vi: 'Lĩnh vực & thủ tục' },
  { id: 'counters', vi: 'Quầy' },
  { id: 'users', vi: 'Tài khoản' },
  { id: 'devices', vi: 'Thiết bị' },
  { id: 'kiosk', vi: 'Máy lấy số & vé' },
  { id: 'printers', vi: 'Máy in' },
  { id: 'priority', vi: 'Ưu tiên' },
  { id: 'display', vi: 'Màn hình & giọng đọc' },
  { id: 'rating', vi: 'Đánh giá hài lòng' },
];

/** Every change an admin makes here is a command: validated, audited, and live on every device. */
export function ConfigPage() {
  const state = useQueueState();
  const [section, setSection] = useState<Section>('services');
  if (!state) return null;
  return (
    <div className="page config" data-testid="config-page">
      <h1>Cấu hình</h1>
      <div className="tabs" role="tablist">
        {SECTIONS.map((s) => (
          <button
            key={s.id}
            type="button"
            role="tab"
            aria-selected={section === s.id}
            onClick={() => setSection(s.id)}
            data-testid={`config-tab-${s.id}`}
          >
            {s.vi}
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
