import { useLanguage } from '@motcua/ui';

const ROWS = ['1234567890', 'QWERTYUIOP', 'ASDFGHJKL', 'ZXCVBNM'];

/** Letters without diacritics are enough: the search ignores them ("dat dai" finds "Đất đai"). */
export function OnScreenKeyboard({
  onKey,
  symbols = [],
}: {
  onKey(key: string | 'backspace' | 'clear'): void;
  /** Extra keys on the last row, e.g. the "." and "-" of a dossier code. */
  symbols?: readonly string[];
}) {
  const { t } = useLanguage();
  return (
    <div className="keyboard" aria-label={t({ vi: 'Bàn phím', en: 'Keyboard' })}>
      {ROWS.map((row) => (
        <div className="keyboard-row" key={row}>
          {[...row].map((key) => (
            <button type="button" key={key} onClick={() => onKey(key.toLowerCase())}>
              {key}
            </button>
          ))}
        </div>
      ))}
      <div className="keyboard-row">
        <button type="button" className="keyboard-wide" onClick={() => onKey('clear')}>
          {t({ vi: 'Xóa hết', en: 'Clear' })}
        </button>
        {symbols.map((symbol) => (
          <button type="button" key={symbol} onClick={() => onKey(symbol)}>
            {symbol}
          </button>
        ))}
        <button type="button" className="keyboard-space" onClick={() => onKey(' ')}>
          {t({ vi: 'Dấu cách', en: 'Space' })}
        </button>
        <button type="button" className="keyboard-wide" onClick={() => onKey('backspace')}>
          ⌫ {t({ vi: 'Xóa', en: 'Delete' })}
        </button>
      </div>
    </div>
  );
}
