import type { TimeRange, WeeklyHours } from '@motcua/core';

type Weekday = '1' | '2' | '3' | '4' | '5' | '6' | '7';
const WEEKDAYS: { day: Weekday; vi: string }[] = [
  { day: '1', vi: 'Thứ Hai' },
  { day: '2', vi: 'Thứ Ba' },
  { day: '3', vi: 'Thứ Tư' },
  { day: '4', vi: 'Thứ Năm' },
  { day: '5', vi: 'Thứ Sáu' },
  { day: '6', vi: 'Thứ Bảy' },
  { day: '7', vi: 'Chủ nhật' },
];

const HOURS = Array.from({ length: 25 }, (_, h) => String(h).padStart(2, '0'));
const MINUTES = Array.from({ length: 12 }, (_, m) => String(m * 5).padStart(2, '0'));

/**
 * "07:30" as an hour and a minute list, always on the 24-hour clock: a native time input follows the
 * browser's own locale and shows "07:30 AM" on an English Windows.
 */
function ClockPicker({ value, label, onChange }: { value: string; label: string; onChange(value: string): void }) {
  const [hour = '07', minute = '00'] = value.split(':');
  const minutes = MINUTES.includes(minute) ? MINUTES : [...MINUTES, minute].sort();
  return (
    <span className="clock-picker" role="group" aria-label={label} data-value={value}>
      <select value={hour} aria-label={`${label} (giờ)`} onChange={(e) => onChange(`${e.target.value}:${minute}`)}>
        {HOURS.map((h) => (
          <option key={h} value={h}>
            {h}
          </option>
        ))}
      </select>
      :
      <select value={minute} aria-label={`${label} (phút)`} onChange={(e) => onChange(`${hour}:${e.target.value}`)}>
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
  for (const { day, vi } of WEEKDAYS) {
    const ranges = hours[day] ?? [];
    ranges.forEach((range, i) => {
      if ([range.from, range.to].some((t) => t.startsWith('24') && t !== '24:00')) {
        problems.push(`${vi}, ca ${i + 1}: 24 giờ chỉ đi với 00 phút`);
      } else if (range.from >= range.to) problems.push(`${vi}, ca ${i + 1}: giờ kết thúc phải sau giờ bắt đầu`);
    });
    const sorted = [...ranges].filter((r) => r.from && r.to).sort((a, b) => a.from.localeCompare(b.from));
    for (let i = 1; i < sorted.length; i++) {
      if ((sorted[i] as TimeRange).from < (sorted[i - 1] as TimeRange).to) {
        problems.push(`${vi}: các ca làm việc chồng lên nhau`);
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
      {WEEKDAYS.map(({ day, vi }) => {
        const ranges = value[day] ?? [];
        return (
          <div className="weekly-hours__day" key={day} data-day={day}>
            <span className="weekly-hours__name">{vi}</span>
            {ranges.length === 0 && <span className="muted">Nghỉ</span>}
            {ranges.map((range, i) => (
              <span className="weekly-hours__range" key={i}>
                <ClockPicker
                  value={range.from}
                  label={`${vi}, ca ${i + 1}: từ`}
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
                  label={`${vi}, ca ${i + 1}: đến`}
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
                  aria-label={`Bỏ ca ${i + 1} ${vi}`}
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
                + Thêm ca
              </button>
            )}
          </div>
        );
      })}
      <button type="button" className="btn btn-small" onClick={copyMondayToWeekdays}>
        Áp dụng giờ Thứ Hai cho Thứ Ba – Thứ Sáu
      </button>
    </fieldset>
  );
}
