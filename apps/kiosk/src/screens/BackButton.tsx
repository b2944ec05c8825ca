import { useKioskText } from '../i18n/strings';

export function BackButton({ onBack }: { onBack(): void }) {
  const text = useKioskText();
  return (
    <button type="button" className="kiosk-back" onClick={onBack}>
      ← {text('nav.back')}
    </button>
  );
}
