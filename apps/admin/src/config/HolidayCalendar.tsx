import { vietnamPublicHolidays } from '@motcua/core';
import { useState } from 'react';
import { formatIsoDate, parseVietnameseDate } from '../format';
import { useAdminText } from '../i18n/strings';

/** The office's days off: dates as dd/mm/yyyy, one click for the year's public holidays (lunar ones included). */
export function HolidayCalendar({
  value,
  onChange,
  currentYear,
}: {
  value: string[];
  onChange(holidays: string[]): void;
  currentYear: number;
}) {
  const text = useAdminText();
  const [year, setYear] = useState(currentYear);
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const names = new Map(
    [year - 1, year, year + 1].flatMap((y) => vietnamPublicHolidays(y)).map((h) => [h.date, h.name.vi] as const),
  );
  const merge = (dates: string[]) => onChange([...new Set([...value, ...dates])].sort());
  const addTyped = () => {
    const date = parseVietnameseDate(typed);
    if (!date) {
      setProblem(text('holidays.badDate'));
      return;
    }
    setProblem(null);
    setTyped('');
    merge([date]);
  };
  return (
    <fieldset className="holidays wide" data-testid="holiday-calendar">
      <legend>{text('holidays.title')}</legend>
      <div className="row">
        <select value={year} onChange={(e) => setYear(Number(e.target.value))} aria-label={text('holidays.year')}>
          {[currentYear - 1, currentYear, currentYear + 1, currentYear + 2].map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="btn"
          data-testid="add-public-holidays"
          onClick={() => merge(vietnamPublicHolidays(year).map((h) => h.date))}
        >
          {text('holidays.addPublic', { year })}
        </button>
      </div>
      <div className="row">
        <input
          value={typed}
          placeholder="dd/mm/yyyy"
          aria-label={text('holidays.addDate.label')}
          onChange={(e) => setTyped(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              addTyped();
            }
          }}
        />
        <button type="button" className="btn" onClick={addTyped}>
          {text('holidays.addDate')}
        </button>
      </div>
      {problem && (
        <span className="field-error" role="alert" data-testid="field-error">
          {problem}
        </span>
      )}
      {value.length === 0 ? (
        <p className="muted">{text('holidays.none')}</p>
      ) : (
        <ul className="plain holidays__list" data-testid="holiday-list">
          {value.map((date) => (
            <li key={date} data-date={date}>
              <strong>{formatIsoDate(date)}</strong>{' '}
              {names.get(date) && <span className="muted">{names.get(date)}</span>}{' '}
              <button
                type="button"
                className="btn btn-small"
                aria-label={text('holidays.remove', { date: formatIsoDate(date) })}
                onClick={() => onChange(value.filter((d) => d !== date))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
