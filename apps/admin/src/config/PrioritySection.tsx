import { migratePriorityPolicy, priorityPolicySchema, type QueueState } from '@motcua/core';
import { useState } from 'react';
import { Field, FeedbackLine, useSender } from './shared';

export function PriorityForm({ state }: { state: QueueState }) {
  const { send, feedback } = useSender();
  const [policy, setPolicy] = useState(() => migratePriorityPolicy(state.config.priority));
  return (
    <form
      className="card form-grid"
      onSubmit={(e) => {
        e.preventDefault();
        void send(
          priorityPolicySchema,
          policy,
          (priority) => ({ type: 'config.setPriorityPolicy', priority }),
          'Đã lưu chính sách ưu tiên.',
        );
      }}
    >
      <Field label="Số ưu tiên gọi liên tiếp trước khi xen một số thường (0 = luôn gọi số ưu tiên trước) · Priority calls in a row before one normal ticket">
        <input
          type="number"
          min={0}
          max={50}
          value={policy.priorityBurst}
          onChange={(e) => setPolicy({ ...policy, priorityBurst: Number(e.target.value) })}
          data-testid="priority-burst"
        />
      </Field>
      <Field label="Chờ quá bao nhiêu phút thì được gọi ngay (0 = tắt) · Maximum wait in minutes before a ticket is called next (0 = off)">
        <input
          type="number"
          min={0}
          max={600}
          value={policy.maxWaitMinutes}
          onChange={(e) => setPolicy({ ...policy, maxWaitMinutes: Number(e.target.value) })}
          data-testid="priority-max-wait"
        />
      </Field>
      <label className="check">
        <input
          type="checkbox"
          checked={policy.strictServiceOrder}
          onChange={(e) => setPolicy({ ...policy, strictServiceOrder: e.target.checked })}
          data-testid="priority-strict-order"
        />
        Quầy gọi hết thủ tục theo thứ tự đã cấu hình rồi mới sang thủ tục sau (mặc định: số chờ lâu nhất trước)
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={policy.kioskAsks}
          onChange={(e) => setPolicy({ ...policy, kioskAsks: e.target.checked })}
        />
        Máy lấy số hỏi công dân có thuộc đối tượng ưu tiên không
      </label>
      <div className="wide">
        <strong>Đối tượng ưu tiên</strong>
        {policy.groups.map((g, i) => (
          <div className="row" key={g.id}>
            <input
              aria-label="Tên đối tượng"
              value={g.name.vi}
              onChange={(e) =>
                setPolicy({
                  ...policy,
                  groups: policy.groups.map((x, j) =>
                    j === i ? { ...x, name: { ...x.name, vi: e.target.value } } : x,
                  ),
                })
              }
            />
            <button
              type="button"
              className="btn btn-small btn-danger"
              onClick={() => setPolicy({ ...policy, groups: policy.groups.filter((_, j) => j !== i) })}
            >
              Bỏ
            </button>
          </div>
        ))}
      </div>
      <div className="form-actions">
        <button className="btn btn-primary" type="submit">
          Lưu
        </button>
        <FeedbackLine feedback={feedback} />
      </div>
    </form>
  );
}
