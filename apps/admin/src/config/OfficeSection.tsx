import { officeSchema, type QueueState } from '@motcua/core';
import { useState, type FormEvent } from 'react';
import { formatOpeningHours, parseOpeningHours } from '../openingHoursText';
import { Field, FeedbackLine, useSender } from './shared';

export function OfficeForm({ state }: { state: QueueState }) {
  const { send, feedback, setFeedback } = useSender();
  const [office, setOffice] = useState(state.config.office);
  const [hoursText, setHoursText] = useState(formatOpeningHours(state.config.office.openingHours));
  const [holidaysText, setHolidaysText] = useState(state.config.office.holidays.join(', '));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    let openingHours;
    try {
      openingHours = parseOpeningHours(hoursText);
    } catch (e) {
      setFeedback({ ok: false, text: (e as Error).message });
      return;
    }
    const holidays = holidaysText.split(/[,\s]+/).filter(Boolean);
    void send(
      officeSchema,
      { ...office, openingHours, holidays },
      (o) => ({ type: 'config.setOffice', office: o }),
      'Đã lưu thông tin cơ quan.',
    );
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
      <Field label="Giờ làm việc (1 = Thứ Hai … 6 = Thứ Bảy, 7 = Chủ nhật)" wide>
        <input
          value={hoursText}
          onChange={(e) => setHoursText(e.target.value)}
          placeholder="1-5 07:30-11:30 13:30-17:00; 6 07:30-11:30"
        />
      </Field>
      <Field label="Ngày nghỉ lễ (YYYY-MM-DD, cách nhau bởi dấu phẩy)" wide>
        <input value={holidaysText} onChange={(e) => setHolidaysText(e.target.value)} />
      </Field>
      <Field label="Thời gian cho phép đánh giá (giây)">
        <input
          type="number"
          value={office.ratingWindowSeconds}
          onChange={(e) => setOffice({ ...office, ratingWindowSeconds: Number(e.target.value) })}
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
