import { useKioskText } from './i18n/strings';

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
  const text = useKioskText();
  return (
    <div className="keyboard" aria-label={text('keyboard.label')}>
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
          {text('keyboard.clear')}
        </button>
        {symbols.map((symbol) => (
          <button type="button" key={symbol} onClick={() => onKey(symbol)}>
            {symbol}
          </button>
        ))}
        <button type="button" className="keyboard-space" onClick={() => onKey(' ')}>
          {text('keyboard.space')}
        </button>
        <button type="button" className="keyboard-wide" onClick={() => onKey('backspace')}>
          ⌫ {text('keyboard.delete')}
        </button>
      </div>
    </div>
  );
}
