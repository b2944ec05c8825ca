import { errorMessages, userSchema, type QueueState, type User } from '@motcua/core';
import { useHubClient } from '@motcua/client';
import { useState } from 'react';
import { NewUserForm, ROLE_NAMES } from './NewUserForm';
import { FeedbackLine, useSender } from './shared';

export function UsersSection({ state }: { state: QueueState }) {
  const client = useHubClient();
  const { send, feedback, setFeedback } = useSender();
  const [pins, setPins] = useState<Record<string, string>>({});
  const resetPin = async (user: User) => {
    const pin = pins[user.id] ?? '';
    const reply = await client.setPin({ userId: user.id, pin });
    setFeedback(
      reply.ok
        ? { ok: true, text: `Đã đặt lại mã PIN cho ${user.displayName}.` }
        : { ok: false, text: errorMessages[reply.code].vi },
    );
    if (reply.ok) setPins({ ...pins, [user.id]: '' });
  };
  return (
    <div className="config-section">
      <section className="card">
        <h2>Tài khoản</h2>
        <table className="table">
          <thead>
            <tr>
              <th>Họ tên</th>
              <th>Tên đăng nhập</th>
              <th>Vai trò</th>
              <th>Trạng thái</th>
              <th>Đặt lại mã PIN</th>
            </tr>
          </thead>
          <tbody>
            {Object.values(state.config.users).map((u) => (
              <tr key={u.id}>
                <td>{u.displayName}</td>
                <td>
                  <code>{u.username}</code>
                </td>
                <td>{ROLE_NAMES[u.role]}</td>
                <td>
                  <button
                    type="button"
                    className="btn btn-small"
                    onClick={() =>
                      void send(
                        userSchema,
                        { ...u, disabled: !u.disabled },
                        (user) => ({ type: 'config.upsertUser', user }),
                        u.disabled ? `Đã mở khóa ${u.displayName}.` : `Đã khóa ${u.displayName}.`,
                      )
                    }
                  >
                    {u.disabled ? 'Đã khóa – Mở khóa' : 'Đang hoạt động – Khóa'}
                  </button>
                </td>
                <td className="row">
                  <input
                    aria-label={`Mã PIN mới cho ${u.displayName}`}
                    placeholder="PIN mới (4–12)"
                    value={pins[u.id] ?? ''}
                    onChange={(e) => setPins({ ...pins, [u.id]: e.target.value })}
                    size={10}
                  />
                  <button
                    type="button"
                    className="btn btn-small"
                    onClick={() => void resetPin(u)}
                    disabled={(pins[u.id] ?? '').length < 4}
                  >
                    Đặt lại
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <NewUserForm
        state={state}
        onSave={(user) =>
          send(
            null,
            user,
            (checked: User) => ({ type: 'config.upsertUser', user: checked }),
            `Đã thêm tài khoản ${user.displayName}. Hãy đặt mã PIN.`,
          )
        }
      />
      <FeedbackLine feedback={feedback} />
    </div>
  );
}
