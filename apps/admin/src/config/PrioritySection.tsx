import { priorityPolicySchema, type QueueState } from '@motcua/core';
import { useState } from 'react';
import { Field, FeedbackLine, useSender } from './shared';

export function PriorityForm({ state }: { state: QueueState }) {
  const { send, feedback } = useSender();
  const [policy, setPolicy] = useState(state.config.priority);
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
      <Field label="Sau bao nhiêu số thường thì gọi một số ưu tiên (0 = ưu tiên trước hết)">
        <input
          type="number"
          min={0}
          max={50}
          value={policy.interleave}
          onChange={(e) => setPolicy({ ...policy, interleave: Number(e.target.value) })}
        />
      </Field>
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
