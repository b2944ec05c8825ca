import { errorMessages, sortedCounters, type Device, type PairingRecord, type QueueState } from '@motcua/core';
import { useHubClient } from '@motcua/client';
import { useEffect, useState, type FormEvent } from 'react';
import { useHubNow } from '../useNow';
import { FeedbackLine, useSender } from './shared';

const KIND_NAMES = { kiosk: 'Máy lấy số', counter: 'Quầy', display: 'Màn hình', rating: 'Máy đánh giá' } as const;

export function DevicesSection({ state }: { state: QueueState }) {
  const client = useHubClient();
  const { send, feedback, setFeedback } = useSender();
  const [pairings, setPairings] = useState<PairingRecord[]>([]);
  const [approval, setApproval] = useState({ pairingCode: '', name: '', counterId: '', printerProfileId: '' });
  const now = useHubNow(30_000);
  const refresh = async () => {
    const reply = await client.listDevices();
    if (reply.ok) setPairings(reply.devices);
  };
  useEffect(() => {
    void refresh();
    // Reload when the configured devices change (approvals, revocations).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.config.devices, now]);
  const approve = async (event: FormEvent) => {
    event.preventDefault();
    const reply = await client.approveDevice({
      pairingCode: approval.pairingCode.trim(),
      name: approval.name.trim() || undefined,
      counterId: approval.counterId || null,
      printerProfileId: approval.printerProfileId || null,
    });
    setFeedback(
      reply.ok
        ? { ok: true, text: 'Đã duyệt thiết bị. Thiết bị sẽ tự kết nối.' }
        : { ok: false, text: errorMessages[reply.code].vi },
    );
    if (reply.ok) setApproval({ pairingCode: '', name: '', counterId: '', printerProfileId: '' });
  };
  const update = (device: Device, change: Partial<Device>, done: string) =>
    void send(null, { ...device, ...change }, (d: Device) => ({ type: 'config.upsertDevice', device: d }), done);
  const pending = pairings.filter((p) => p.status === 'pending');
  return (
    <div className="config-section">
      <form className="card row" onSubmit={(e) => void approve(e)}>
        <h2>Duyệt thiết bị mới</h2>
        <input
          placeholder="Mã ghép nối"
          value={approval.pairingCode}
          onChange={(e) => setApproval({ ...approval, pairingCode: e.target.value })}
          required
        />
        <input
          placeholder="Tên thiết bị"
          value={approval.name}
          onChange={(e) => setApproval({ ...approval, name: e.target.value })}
        />
        <select
          value={approval.counterId}
          onChange={(e) => setApproval({ ...approval, counterId: e.target.value })}
          aria-label="Quầy"
        >
          <option value="">Không gắn quầy</option>
          {sortedCounters(state).map((c) => (
            <option key={c.id} value={c.id}>
              {c.name.vi}
            </option>
          ))}
        </select>
        <select
          value={approval.printerProfileId}
          onChange={(e) => setApproval({ ...approval, printerProfileId: e.target.value })}
          aria-label="Máy in"
        >
          <option value="">Không có máy in</option>
          {Object.values(state.config.printerProfiles).map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <button className="btn btn-primary" type="submit">
          Duyệt
        </button>
      </form>
      {pending.length > 0 && (
        <p className="notice">
          Thiết bị đang chờ duyệt:{' '}
          {pending.map((p) => `${KIND_NAMES[p.kind]} “${p.name}” – mã ${p.pairingCode}${expiry(p, now)}`).join('; ')}
        </p>
      )}
      <FeedbackLine feedback={feedback} />
      <section className="card">
        <h2>Thiết bị đã ghép nối</h2>
        <table className="table">
          <thead>
            <tr>
              <th>Tên</th>
              <th>Loại</th>
              <th>Quầy</th>
              <th>Máy in</th>
              <th>Lần cuối kết nối</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {Object.values(state.config.devices).map((d) => {
              const pairing = pairings.find((p) => p.deviceId === d.id);
              return (
                <tr key={d.id} className={d.revoked ? 'revoked' : ''}>
                  <td>
                    <input
                      defaultValue={d.name}
                      aria-label="Tên thiết bị"
                      onBlur={(e) =>
                        e.target.value.trim() &&
                        e.target.value !== d.name &&
                        update(d, { name: e.target.value.trim() }, 'Đã đổi tên thiết bị.')
                      }
                    />
                  </td>
                  <td>{KIND_NAMES[d.kind]}</td>
                  <td>
                    <select
                      value={d.counterId ?? ''}
                      onChange={(e) => update(d, { counterId: e.target.value || null }, 'Đã gắn quầy.')}
                      aria-label="Quầy"
                    >
                      <option value="">—</option>
                      {sortedCounters(state).map((c) => (
                        <option key={c.id} value={c.id}>
                          {c.name.vi}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <select
                      value={d.printerProfileId ?? ''}
                      onChange={(e) => update(d, { printerProfileId: e.target.value || null }, 'Đã gắn máy in.')}
                      aria-label="Máy in"
                    >
                      <option value="">—</option>
                      {Object.values(state.config.printerProfiles).map((p) => (
                        <option key={p.id} value={p.id}>
                          {p.name}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>{pairing?.lastSeenAt ? new Date(pairing.lastSeenAt).toLocaleString('vi-VN') : '—'}</td>
                  <td>
                    <button
                      type="button"
                      className={d.revoked ? 'btn btn-small' : 'btn btn-small btn-danger'}
                      onClick={() =>
                        update(
                          d,
                          { revoked: !d.revoked },
                          d.revoked ? 'Đã cho phép lại thiết bị.' : 'Đã thu hồi thiết bị: thiết bị bị ngắt ngay.',
                        )
                      }
                    >
                      {d.revoked ? 'Cho phép lại' : 'Thu hồi'}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </div>
  );
}

/** A waiting pairing's code stops working after a while (the hub forgets it): say how long is left. */
function expiry(pairing: PairingRecord, now: number): string {
  if (pairing.expiresAt === null) return '';
  const minutes = Math.max(0, Math.ceil((pairing.expiresAt - now) / 60_000));
  return ` (hết hạn sau ${minutes} phút)`;
}
