import {
  ratingMethodOf,
  ratingMethodSettingsSchema,
  ratingScales,
  SATISFACTION_FORMULA,
  MAX_RATING_REASONS,
  type QueueState,
  type RatingMethodSettings,
  type SelectableRatingScale,
} from '@motcua/core';
import { useState } from 'react';
import { FeedbackLine, useSender } from './shared';

const SCALE_CHOICES: { scale: SelectableRatingScale; note: string }[] = [
  {
    scale: 'three',
    note: 'Rất hài lòng · Hài lòng · Không hài lòng — như hệ thống một cửa của tỉnh (mặc định)',
  },
  { scale: 'five', note: 'Rất hài lòng · Hài lòng · Bình thường · Không hài lòng · Rất không hài lòng' },
];

/** A new reason's id: short and URL-safe as ids must be, and not one the list already has. */
function newReasonId(method: RatingMethodSettings): string {
  for (let n = method.reasons.length + 1; ; n++) {
    const id = `ly-do-${n}`;
    if (!method.reasons.some((r) => r.id === id)) return id;
  }
}

/**
 * The satisfaction method: the scale the rating pads show and the reasons they offer when a citizen is not
 * satisfied (a reason from this list or in their own words is required for "Không hài lòng").
 */
export function RatingMethodForm({ state }: { state: QueueState }) {
  const { send, feedback } = useSender();
  const [method, setMethod] = useState<RatingMethodSettings>(() => ratingMethodOf(state.config));
  const setReason = (index: number, vi: string, en: string) =>
    setMethod({
      ...method,
      reasons: method.reasons.map((r, i) => (i === index ? { ...r, name: { vi, en } } : r)),
    });
  return (
    <form
      className="card form-grid"
      data-testid="rating-method-form"
      onSubmit={(e) => {
        e.preventDefault();
        void send(
          ratingMethodSettingsSchema,
          method,
          (ratingMethod) => ({ type: 'config.setRatingMethod', ratingMethod }),
          'Đã lưu phương pháp đánh giá. Máy đánh giá dùng thang mới cho lượt đánh giá tiếp theo.',
        );
      }}
    >
      <fieldset className="wide">
        <legend>Thang đánh giá · Rating scale</legend>
        {SCALE_CHOICES.map(({ scale, note }) => (
          <label className="check" key={scale}>
            <input
              type="radio"
              name="rating-scale"
              checked={method.scale === scale}
              onChange={() => setMethod({ ...method, scale })}
              data-testid={`rating-scale-${scale}`}
            />
            <strong>{ratingScales[scale].name.vi}</strong>: {note}
          </label>
        ))}
        <p className="muted">
          {SATISFACTION_FORMULA.vi}. Các phiếu đã ghi giữ nguyên thang của chúng; phiếu bốn mức trước đây vẫn được tính
          (Bình thường không tính là hài lòng).
        </p>
      </fieldset>
      <div className="wide">
        <strong>Lý do chưa hài lòng · Reasons offered</strong>
        <p className="muted">
          Công dân chọn “Không hài lòng” phải chọn ít nhất một lý do dưới đây hoặc tự ghi lý do. Tối đa{' '}
          {MAX_RATING_REASONS} lý do.
        </p>
        {method.reasons.map((reason, i) => (
          <div className="row" key={reason.id} data-testid="rating-reason-row">
            <input
              aria-label="Lý do (tiếng Việt)"
              value={reason.name.vi}
              onChange={(e) => setReason(i, e.target.value, reason.name.en)}
              data-testid={`rating-reason-vi-${i}`}
            />
            <input
              aria-label="Reason (English)"
              value={reason.name.en}
              onChange={(e) => setReason(i, reason.name.vi, e.target.value)}
            />
            <button
              type="button"
              className="btn btn-small btn-danger"
              onClick={() => setMethod({ ...method, reasons: method.reasons.filter((_, j) => j !== i) })}
              data-testid={`rating-reason-remove-${i}`}
            >
              Xóa
            </button>
          </div>
        ))}
        <button
          type="button"
          className="btn btn-small"
          disabled={method.reasons.length >= MAX_RATING_REASONS}
          onClick={() =>
            setMethod({
              ...method,
              reasons: [...method.reasons, { id: newReasonId(method), name: { vi: '', en: '' } }],
            })
          }
          data-testid="rating-reason-add"
        >
          Thêm lý do
        </button>
      </div>
      <div className="form-actions">
        <button className="btn btn-primary" type="submit" data-testid="rating-method-save">
          Lưu
        </button>
        <FeedbackLine feedback={feedback} />
      </div>
    </form>
  );
}
