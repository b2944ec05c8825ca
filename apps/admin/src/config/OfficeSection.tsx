import { DEFAULT_COUNTER_LOST_AFTER_SECONDS, officeSchema, type QueueState } from '@motcua/core';
import { useState, type FormEvent } from 'react';
import { HolidayCalendar } from './HolidayCalendar';
import { WeeklyHoursEditor, weeklyHoursProblems } from './WeeklyHoursEditor';
import { Field, FeedbackLine, useSender } from './shared';

export function OfficeForm({ state }: { state: QueueState }) {
  const { send, feedback, setFeedback } = useSender();
  const [office, setOffice] = useState(state.config.office);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = weeklyHoursProblems(office.openingHours);
    if (problems.length) {
      setFeedback({ ok: false, text: `Giờ làm việc – ${problems.join('; ')}.` });
      return;
    }
    void send(officeSchema, office, (o) => ({ type: 'config.setOffice', office: o }), 'Đã lưu thông tin cơ quan.');
  };
  return (
    <form className="card form-grid" onSubmit={submit}>
      <Field label="Tên cơ quan" wide>
        <input value={office.name} onChange={(e) => setOffice({ ...office, name: e.target.value })} />
      </Field>
      <Field label="Tên tiếng Anh" wide>
        <input value={office.nameEn} onChange={(e) => setOffice({ ...office, nameEn: e.target.value })} />
      </Field>
      <Field label="Múi giờ">
        <input value={office.timeZone} onChange={(e) => setOffice({ ...office, timeZone: e.target.value })} />
      </Field>
      <Field label="Giờ kết thúc ngày làm việc (0–23)">
        <input
          type="number"
          min={0}
          max={23}
          value={office.dayCloseHour}
          onChange={(e) => setOffice({ ...office, dayCloseHour: Number(e.target.value) })}
        />
      </Field>
      <WeeklyHoursEditor
        label="Giờ làm việc"
        value={office.openingHours}
        onChange={(openingHours) => setOffice({ ...office, openingHours })}
      />
      <HolidayCalendar
        value={office.holidays}
        onChange={(holidays) => setOffice({ ...office, holidays })}
        currentYear={Number(state.serviceDay.slice(0, 4)) || new Date().getFullYear()}
      />
      <Field label="Thời gian cho phép đánh giá (giây)">
        <input
          type="number"
          value={office.ratingWindowSeconds}
          onChange={(e) => setOffice({ ...office, ratingWindowSeconds: Number(e.target.value) })}
        />
      </Field>
      <Field label="Báo “Mất kết nối” khi máy quầy vắng quá (giây, 5–3600)">
        <input
          type="number"
          min={5}
          max={3600}
          value={office.counterLostAfterSeconds ?? DEFAULT_COUNTER_LOST_AFTER_SECONDS}
          onChange={(e) => setOffice({ ...office, counterLostAfterSeconds: Number(e.target.value) })}
        />
      </Field>
      <label className="check">
        <input
          type="checkbox"
          checked={office.requireStart}
          onChange={(e) => setOffice({ ...office, requireStart: e.target.checked })}
        />
        Cán bộ bấm “Bắt đầu phục vụ” trước khi “Hoàn thành” (đo thời gian đến quầy)
      </label>
      <div className="form-actions">
        <button className="btn btn-primary" type="submit">
          Lưu
        </button>
        <FeedbackLine feedback={feedback} />
      </div>
    </form>
  );
}
