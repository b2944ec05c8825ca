import { useEffect, useRef } from 'react';
import { isTypingField } from './scannerWedge';

/**
 * Where the kiosk's scanner types (keyboard wedge, ends with Enter) when no field is asking for text: a hidden
 * field that takes the focus at the first key, so letters with Vietnamese marks arrive whole too.
 */
export function ScannerInput({ onScan }: { onScan(text: string): void }) {
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const takeKeys = (event: KeyboardEvent) => {
      const field = input.current;
      if (!field || event.target === field || isTypingField(event.target)) return;
      // Focus moves before the key's text is inserted, so the character lands in this field.
      field.focus();
    };
    window.addEventListener('keydown', takeKeys, true);
    return () => window.removeEventListener('keydown', takeKeys, true);
  }, []);

  return (
    <input
      ref={input}
      className="kiosk-scanner-input"
      data-testid="kiosk-scanner-input"
      aria-hidden="true"
      tabIndex={-1}
      inputMode="none"
      autoComplete="off"
      onKeyDown={(event) => {
        if (event.key !== 'Enter') return;
        const text = event.currentTarget.value;
        event.currentTarget.value = '';
        event.currentTarget.blur();
        if (text.trim() !== '') onScan(text);
      }}
    />
  );
}
