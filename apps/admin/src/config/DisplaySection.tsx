import { displaySettingsSchema, type QueueState } from '@motcua/core';
import { useState } from 'react';
import { Field, FeedbackLine, useSender } from './shared';

export function DisplayForm({ state }: { state: QueueState }) {
  const { send, feedback } = useSender();
  const [display, setDisplay] = useState(state.config.display);
  return (
    <form
      className="card form-grid"
      onSubmit={(e) => {
        e.preventDefault();
        void send(
          displaySettingsSchema,
          display,
          (d) => ({ type: 'config.setDisplay', display: d }),
          'Đã lưu cài đặt màn hình. Các màn hình cập nhật ngay.',
        );
      }}
    >
      <Field label="Dòng chữ chạy trên màn hình" wide>
        <textarea
          rows={2}
          value={display.tickerText}
          onChange={(e) => setDisplay({ ...display, tickerText: e.target.value })}
        />
      </Field>
      <Field label="Số lượt gọi gần đây hiển thị">
        <input
          type="number"
          min={0}
          max={30}
          value={display.recentCallsShown}
          onChange={(e) => setDisplay({ ...display, recentCallsShown: Number(e.target.value) })}
        />
      </Field>
      <label className="check">
        <input
          type="checkbox"
          checked={display.showWaitingCounts}
          onChange={(e) => setDisplay({ ...display, showWaitingCounts: e.target.checked })}
        />
        Hiện số người đang chờ
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={display.voiceEnabled}
          onChange={(e) => setDisplay({ ...display, voiceEnabled: e.target.checked })}
        />
        Đọc số bằng giọng nói
      </label>
      <Field label="Ngôn ngữ đọc">
        <select
          value={display.voiceLanguage}
          onChange={(e) => setDisplay({ ...display, voiceLanguage: e.target.value as typeof display.voiceLanguage })}
        >
          <option value="vi">Tiếng Việt</option>
          <option value="vi+en">Tiếng Việt rồi tiếng Anh</option>
          <option value="en">Tiếng Anh</option>
        </select>
      </Field>
      <Field label="Cách đọc số">
        <select
          value={display.numberReading}
          onChange={(e) => setDisplay({ ...display, numberReading: e.target.value as typeof display.numberReading })}
        >
          <option value="words">Đọc thành số (một nghìn không trăm hai mươi ba)</option>
          <option value="digits">Đọc từng chữ số (một không hai ba)</option>
        </select>
      </Field>
      <Field label="Giọng đọc số theo vùng miền">
        <select
          value={display.numberDialect ?? 'north'}
          onChange={(e) => setDisplay({ ...display, numberDialect: e.target.value === 'south' ? 'south' : 'north' })}
        >
          <option value="north">Miền Bắc (một trăm linh một, hai mươi tư, nghìn)</option>
          <option value="south">Miền Nam (một trăm lẻ một, hai mươi bốn, ngàn)</option>
        </select>
      </Field>
      <Field label="Câu mời tiếng Việt ({number}, {counter})" wide>
        <input
          value={display.voiceTemplateVi}
          onChange={(e) => setDisplay({ ...display, voiceTemplateVi: e.target.value })}
        />
      </Field>
      <Field label="Câu mời tiếng Anh" wide>
        <input
          value={display.voiceTemplateEn}
          onChange={(e) => setDisplay({ ...display, voiceTemplateEn: e.target.value })}
        />
      </Field>
      <div className="form-actions">
        <button className="btn btn-primary" type="submit">
          Lưu
        </button>
        <FeedbackLine feedback={feedback} />
      </div>
    </form>
  );
}
