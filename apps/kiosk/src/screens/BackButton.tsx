import { useLanguage } from '@motcua/ui';

export function BackButton({ onBack }: { onBack(): void }) {
  const { t } = useLanguage();
  return (
    <button type="button" className="kiosk-back" onClick={onBack}>
      ← {t({ vi: 'Quay lại', en: 'Back' })}
    </button>
  );
}
