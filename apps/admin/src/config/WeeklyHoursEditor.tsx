import type { TimeRange, WeeklyHours } from '@motcua/core';
import { adminStrings, adminVi, useAdminText, type AdminStringKey } from '../i18n/strings';

type Weekday = '1' | '2' | '3' | '4' | '5' | '6' | '7';
const WEEKDAYS: { day: Weekday; name: AdminStringKey }[] = [
  { day: '1', name: 'weekday.1' },
  { day: '2', name: 'weekday.2' },
  { day: '3', name: 'weekday.3' },
  { day: '4', name: 'weekday.4' },
  { day: '5', name: 'weekday.5' },
  { day: '6', name: 'weekday.6' },
  { day: '7', name: 'weekday.7' },
];

const HOURS = Array.from({ length: 25 }, (_, h) => String(h).padStart(2, '0'));
const MINUTES = Array.from({ length: 12 }, (_, m) => String(m * 5).padStart(2, '0'));

/**
 * "07:30" as an hour and a minute list, always on the 24-hour clock: a native time input follows the
 * browser's own locale and shows "07:30 AM" on an English Windows.
 */
function ClockPicker({ value, label, onChange }: { value: string; label: string; onChange(value: string): void }) {
  const text = useAdminText();
  const [hour = '07', minute = '00'] = value.split(':');
  const minutes = MINUTES.includes(minute) ? MINUTES : [...MINUTES, minute].sort();
  return (
    <span className="clock-picker" role="group" aria-label={label} data-value={value}>
      <select
        value={hour}
        aria-label={text('hours.clock.hour', { label })}
        onChange={(e) => onChange(`${e.target.value}:${minute}`)}
      >
        {HOURS.map((h) => (
          <option key={h} value={h}>
            {h}
          </option>
        ))}
      </select>
      :
      <select
        value={minute}
        aria-label={text('hours.clock.minute', { label })}
        onChange={(e) => onChange(`${hour}:${e.target.value}`)}
      >
        {minutes.map((m) => (
          <option key={m} value={m}>
            {m}
          </option>
        ))}
      </select>
    </span>
  );
}

/** What is wrong with the week, one Vietnamese sentence per problem naming the day and the shift. */
export function weeklyHoursProblems(hours: WeeklyHours): string[] {
  const problems: string[] = [];
  for (const { day, name } of WEEKDAYS) {
    const vi = adminStrings[name].vi;
    const ranges = hours[day] ?? [];
    ranges.forEach((range, i) => {
      if ([range.from, range.to].some((t) => t.startsWith('24') && t !== '24:00')) {
        problems.push(adminVi('hours.problem.midnight', { day: vi, shift: i + 1 }));
      } else if (range.from >= range.to) problems.push(adminVi('hours.problem.order', { day: vi, shift: i + 1 }));
    });
    const sorted = [...ranges].filter((r) => r.from && r.to).sort((a, b) => a.from.localeCompare(b.from));
    for (let i = 1; i < sorted.length; i++) {
      if ((sorted[i] as TimeRange).from < (sorted[i - 1] as TimeRange).to) {
        problems.push(adminVi('hours.problem.overlap', { day: vi }));
        break;
      }
    }
  }
  return problems;
}

/** Opening hours as time pickers, one row per weekday, each with as many shifts as the office has. */
export function WeeklyHoursEditor({
  value,
  onChange,
  label,
}: {
  value: WeeklyHours;
  onChange(hours: WeeklyHours): void;
  label: string;
}) {
  const text = useAdminText();
  const setDay = (day: Weekday, ranges: TimeRange[]) => {
    const next = { ...value };
    if (ranges.length) next[day] = ranges;
    else delete next[day];
    onChange(next);
  };
  const copyMondayToWeekdays = () => {
    const monday = value['1'] ?? [];
    onChange({ ...value, '2': monday, '3': monday, '4': monday, '5': monday });
  };
  return (
    <fieldset className="weekly-hours wide" data-testid="weekly-hours">
      <legend>{label}</legend>
      {WEEKDAYS.map(({ day, name }) => {
        const dayName = text(name);
        const ranges = value[day] ?? [];
        return (
          <div className="weekly-hours__day" key={day} data-day={day}>
            <span className="weekly-hours__name">{dayName}</span>
            {ranges.length === 0 && <span className="muted">{text('hours.closed')}</span>}
            {ranges.map((range, i) => (
              <span className="weekly-hours__range" key={i}>
                <ClockPicker
                  value={range.from}
                  label={text('hours.from', { day: dayName, shift: i + 1 })}
                  onChange={(from) =>
                    setDay(
                      day,
                      ranges.map((r, j) => (j === i ? { ...r, from } : r)),
                    )
                  }
                />
                –
                <ClockPicker
                  value={range.to}
                  label={text('hours.to', { day: dayName, shift: i + 1 })}
                  onChange={(to) =>
                    setDay(
                      day,
                      ranges.map((r, j) => (j === i ? { ...r, to } : r)),
                    )
                  }
                />
                <button
                  type="button"
                  className="btn btn-small"
                  aria-label={text('hours.remove', { day: dayName, shift: i + 1 })}
                  onClick={() =>
                    setDay(
                      day,
                      ranges.filter((_, j) => j !== i),
                    )
                  }
                >
                  ×
                </button>
              </span>
            ))}
            {ranges.length < 6 && (
              <button
                type="button"
                className="btn btn-small"
                onClick={() => {
                  const previous = ranges[ranges.length - 1];
                  const from = previous ? (previous.to < '13:30' ? '13:30' : previous.to) : '07:30';
                  setDay(day, [...ranges, { from, to: previous ? '17:00' : '11:30' }]);
                }}
              >
                {text('hours.add')}
              </button>
            )}
          </div>
        );
      })}
      <button type="button" className="btn btn-small" onClick={copyMondayToWeekdays}>
        {text('hours.copyMonday')}
      </button>
    </fieldset>
  );
}
