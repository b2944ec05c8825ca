import { vietnamPublicHolidays } from '@motcua/core';
import { useState } from 'react';
import { formatIsoDate, parseVietnameseDate } from '../format';

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
      setProblem('Ngày nghỉ: nhập theo dạng ngày/tháng/năm, ví dụ 02/09/2026');
      return;
    }
    setProblem(null);
    setTyped('');
    merge([date]);
  };
  return (
    <fieldset className="holidays wide" data-testid="holiday-calendar">
      <legend>Ngày nghỉ lễ</legend>
      <div className="row">
        <select value={year} onChange={(e) => setYear(Number(e.target.value))} aria-label="Năm">
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
          Thêm các ngày lễ năm {year} (gồm Tết Nguyên đán, Giỗ Tổ Hùng Vương)
        </button>
      </div>
      <div className="row">
        <input
          value={typed}
          placeholder="dd/mm/yyyy"
          aria-label="Thêm ngày nghỉ (ngày/tháng/năm)"
          onChange={(e) => setTyped(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              addTyped();
            }
          }}
        />
        <button type="button" className="btn" onClick={addTyped}>
          Thêm ngày
        </button>
      </div>
      {problem && (
        <span className="field-error" role="alert" data-testid="field-error">
          {problem}
        </span>
      )}
      {value.length === 0 ? (
        <p className="muted">Chưa có ngày nghỉ lễ nào.</p>
      ) : (
        <ul className="plain holidays__list" data-testid="holiday-list">
          {value.map((date) => (
            <li key={date} data-date={date}>
              <strong>{formatIsoDate(date)}</strong>{' '}
              {names.get(date) && <span className="muted">{names.get(date)}</span>}{' '}
              <button
                type="button"
                className="btn btn-small"
                aria-label={`Bỏ ngày ${formatIsoDate(date)}`}
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
