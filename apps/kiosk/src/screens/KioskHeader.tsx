import { LanguageSwitch, useLanguage } from '@motcua/ui';
import { useKioskText } from '../i18n/strings';

/** The office's name (double-tap opens the shell's settings), the date and time, and the language switch. */
export function KioskHeader(props: {
  officeName: string;
  now: number;
  timeZone: string;
  onOpenSettings: (() => void) | null;
}) {
  const { language } = useLanguage();
  const text = useKioskText();
  return (
    <header className="kiosk-header">
      <div className="kiosk-office" onDoubleClick={() => props.onOpenSettings?.()}>
        <span className="kiosk-emblem" aria-hidden="true">
          ★
        </span>
        <span>{props.officeName || text('header.officeFallback')}</span>
      </div>
      <div className="kiosk-header-right">
        <Clock now={props.now} timeZone={props.timeZone} language={language} />
        <LanguageSwitch />
      </div>
    </header>
  );
}

function Clock({ now, timeZone, language }: { now: number; timeZone: string; language: string }) {
  const text = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'vi-VN', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    weekday: 'long',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(now);
  return <span className="kiosk-clock">{text}</span>;
}
