import {
  counterSchema,
  displaySettingsSchema,
  errorMessages,
  fieldSchema,
  officeSchema,
  printerProfileSchema,
  priorityPolicySchema,
  serviceSchema,
  sortedCounters,
  sortedServices,
  userSchema,
  type CommandInput,
  type Counter,
  type Device,
  type PairingRecord,
  type PrinterProfile,
  type QueueState,
  type Service,
  type User,
} from '@motcua/core';
import { useHubClient, useQueueState } from '@motcua/client';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { ZodType } from 'zod';
import { postJson } from './hubApi';
import { formatOpeningHours, parseOpeningHours } from './openingHoursText';

type Section = 'office' | 'services' | 'counters' | 'users' | 'devices' | 'printers' | 'priority' | 'display';
const SECTIONS: { id: Section; vi: string }[] = [
  { id: 'office', vi: 'Cơ quan' },
  { id: 'services', vi: 'Lĩnh vực & thủ tục' },
  { id: 'counters', vi: 'Quầy' },
  { id: 'users', vi: 'Tài khoản' },
  { id: 'devices', vi: 'Thiết bị' },
  { id: 'printers', vi: 'Máy in' },
  { id: 'priority', vi: 'Ưu tiên' },
  { id: 'display', vi: 'Màn hình & giọng đọc' },
];

type Feedback = { ok: boolean; text: string } | null;

/** Validates with core's schema, sends the command, and says what happened in Vietnamese. */
function useSender() {
  const client = useHubClient();
  const [feedback, setFeedback] = useState<Feedback>(null);
  const send = async <T,>(schema: ZodType<T> | null, value: unknown, command: (v: T) => CommandInput, done: string) => {
    let checked = value as T;
    if (schema) {
      const parsed = schema.safeParse(value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        setFeedback({ ok: false, text: `Chưa hợp lệ – ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}` });
        return false;
      }
      checked = parsed.data;
    }
    const reply = await client.send(command(checked));
    setFeedback(reply.ok ? { ok: true, text: done } : { ok: false, text: errorMessages[reply.code].vi });
    return reply.ok;
  };
  return { send, feedback, setFeedback };
}

function FeedbackLine({ feedback }: { feedback: Feedback }) {
  if (!feedback) return null;
  return (
    <p
      className={feedback.ok ? 'notice' : 'form-error'}
      role={feedback.ok ? 'status' : 'alert'}
      data-testid="config-feedback"
    >
      {feedback.text}
    </p>
  );
}

function Field({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <label className={wide ? 'field wide' : 'field'}>
      <span>{label}</span>
      {children}
    </label>
  );
}

/** Every change an admin makes here is a command: validated, audited, and live on every device. */
export function ConfigPage() {
  const state = useQueueState();
  const [section, setSection] = useState<Section>('services');
  if (!state) return null;
  return (
    <div className="page config" data-testid="config-page">
      <h1>Cấu hình</h1>
      <div className="tabs" role="tablist">
        {SECTIONS.map((s) => (
          <button
            key={s.id}
            type="button"
            role="tab"
            aria-selected={section === s.id}
            onClick={() => setSection(s.id)}
            data-testid={`config-tab-${s.id}`}
          >
            {s.vi}
          </button>
        ))}
      </div>
      {section === 'office' && <OfficeForm state={state} />}
      {section === 'services' && <ServicesSection state={state} />}
      {section === 'counters' && <CountersSection state={state} />}
      {section === 'users' && <UsersSection state={state} />}
      {section === 'devices' && <DevicesSection state={state} />}
      {section === 'printers' && <PrintersSection state={state} />}
      {section === 'priority' && <PriorityForm state={state} />}
      {section === 'display' && <DisplayForm state={state} />}
    </div>
  );
}

function OfficeForm({ state }: { state: QueueState }) {
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

function newService(state: QueueState): Service {
  const fieldId = Object.values(state.config.fields).sort((a, b) => a.order - b.order)[0]?.id ?? '';
  return {
    id: '',
    code: '',
    prefix: '',
    labelFormat: 'prefixed',
    rangeFrom: 1,
    rangeTo: 999,
    name: { vi: '', en: '' },
    fieldId,
    dailyCap: 0,
    openingHours: null,
    defaultServiceMinutes: 10,
    numberingGroup: '',
    enabled: true,
    order: Object.keys(state.config.services).length,
  };
}

function ServicesSection({ state }: { state: QueueState }) {
  const { send, feedback, setFeedback } = useSender();
  const [draft, setDraft] = useState<Service | null>(null);
  const [hoursText, setHoursText] = useState('');
  const [fieldDraft, setFieldDraft] = useState({ id: '', vi: '', en: '' });
  const fields = Object.values(state.config.fields).sort((a, b) => a.order - b.order);
  const edit = (service: Service) => {
    setDraft(service);
    setHoursText(service.openingHours ? formatOpeningHours(service.openingHours) : '');
    setFeedback(null);
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft) return;
    let openingHours = null;
    try {
      openingHours = hoursText.trim() ? parseOpeningHours(hoursText) : null;
    } catch (e) {
      setFeedback({ ok: false, text: (e as Error).message });
      return;
    }
    const ok = await send(
      serviceSchema,
      { ...draft, openingHours },
      (service) => ({ type: 'config.upsertService', service }),
      `Đã lưu thủ tục “${draft.name.vi}”.`,
    );
    if (ok) setDraft(null);
  };
  const set = (change: Partial<Service>) => draft && setDraft({ ...draft, ...change });
  return (
    <div className="config-section">
      <section className="card">
        <div className="row">
          <h2>Thủ tục hành chính</h2>
          <span className="spacer" />
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => edit(newService(state))}
            data-testid="service-add"
          >
            + Thêm thủ tục
          </button>
        </div>
        <table className="table" data-testid="services-table">
          <thead>
            <tr>
              <th>Tiền tố</th>
              <th>Mã</th>
              <th>Tên</th>
              <th>Lĩnh vực</th>
              <th className="num">Dải số</th>
              <th className="num">Giới hạn/ngày</th>
              <th className="num">Phút/hồ sơ</th>
              <th>Trạng thái</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {sortedServices(state).map((s) => (
              <tr key={s.id}>
                <td className="prefix">{s.prefix}</td>
                <td>{s.code}</td>
                <td>
                  {s.name.vi}
                  {s.name.en && <div className="muted">{s.name.en}</div>}
                </td>
                <td>{state.config.fields[s.fieldId]?.name.vi ?? s.fieldId}</td>
                <td className="num">
                  {s.rangeFrom}–{s.rangeTo}
                </td>
                <td className="num">{s.dailyCap || '∞'}</td>
                <td className="num">{s.defaultServiceMinutes}</td>
                <td>
                  {s.enabled ? (
                    <span className="pill pill-open">Đang nhận</span>
                  ) : (
                    <span className="pill pill-closed">Tạm dừng</span>
                  )}
                </td>
                <td>
                  <button type="button" className="btn btn-small" onClick={() => edit(s)}>
                    Sửa
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {draft && (
        <form className="card form-grid" onSubmit={(e) => void save(e)} data-testid="service-form">
          <h2 className="wide">{state.config.services[draft.id] ? `Sửa thủ tục ${draft.code}` : 'Thủ tục mới'}</h2>
          <Field label="Mã định danh (không dấu)">
            <input
              name="id"
              value={draft.id}
              onChange={(e) => set({ id: e.target.value })}
              disabled={Boolean(state.config.services[draft.id])}
            />
          </Field>
          <Field label="Mã thủ tục">
            <input name="code" value={draft.code} onChange={(e) => set({ code: e.target.value })} />
          </Field>
          <Field label="Tên tiếng Việt" wide>
            <input
              name="nameVi"
              value={draft.name.vi}
              onChange={(e) => set({ name: { ...draft.name, vi: e.target.value } })}
            />
          </Field>
          <Field label="Tên tiếng Anh" wide>
            <input
              name="nameEn"
              value={draft.name.en}
              onChange={(e) => set({ name: { ...draft.name, en: e.target.value } })}
            />
          </Field>
          <Field label="Lĩnh vực">
            <select name="fieldId" value={draft.fieldId} onChange={(e) => set({ fieldId: e.target.value })}>
              {fields.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name.vi}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Tiền tố số (A–Z)">
            <input
              name="prefix"
              value={draft.prefix}
              onChange={(e) => set({ prefix: e.target.value.toUpperCase() })}
              maxLength={3}
            />
          </Field>
          <Field label="Kiểu số">
            <select
              value={draft.labelFormat}
              onChange={(e) => set({ labelFormat: e.target.value as Service['labelFormat'] })}
            >
              <option value="prefixed">Có tiền tố (A023)</option>
              <option value="numeric">Chỉ số (1023)</option>
            </select>
          </Field>
          <Field label="Số bắt đầu">
            <input type="number" value={draft.rangeFrom} onChange={(e) => set({ rangeFrom: Number(e.target.value) })} />
          </Field>
          <Field label="Số kết thúc">
            <input type="number" value={draft.rangeTo} onChange={(e) => set({ rangeTo: Number(e.target.value) })} />
          </Field>
          <Field label="Nhóm đánh số chung (để trống = riêng)">
            <input value={draft.numberingGroup} onChange={(e) => set({ numberingGroup: e.target.value })} />
          </Field>
          <Field label="Giới hạn số/ngày (0 = không giới hạn)">
            <input type="number" value={draft.dailyCap} onChange={(e) => set({ dailyCap: Number(e.target.value) })} />
          </Field>
          <Field label="Thời gian phục vụ mặc định (phút)">
            <input
              type="number"
              step="0.5"
              value={draft.defaultServiceMinutes}
              onChange={(e) => set({ defaultServiceMinutes: Number(e.target.value) })}
            />
          </Field>
          <Field label="Thứ tự hiển thị">
            <input type="number" value={draft.order} onChange={(e) => set({ order: Number(e.target.value) })} />
          </Field>
          <Field label="Giờ nhận hồ sơ riêng (để trống = theo cơ quan)" wide>
            <input value={hoursText} onChange={(e) => setHoursText(e.target.value)} placeholder="1-5 07:30-11:00" />
          </Field>
          <label className="check">
            <input type="checkbox" checked={draft.enabled} onChange={(e) => set({ enabled: e.target.checked })} />
            Đang nhận hồ sơ (hiện trên máy lấy số)
          </label>
          <div className="form-actions">
            <button className="btn btn-primary" type="submit" data-testid="service-save">
              Lưu thủ tục
            </button>
            <button className="btn" type="button" onClick={() => setDraft(null)}>
              Hủy
            </button>
          </div>
        </form>
      )}
      <FeedbackLine feedback={feedback} />
      <section className="card">
        <h2>Lĩnh vực</h2>
        <ul className="plain">
          {fields.map((f) => (
            <li key={f.id}>
              <strong>{f.name.vi}</strong> <span className="muted">{f.name.en}</span>
            </li>
          ))}
        </ul>
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            void send(
              fieldSchema,
              { id: fieldDraft.id, name: { vi: fieldDraft.vi, en: fieldDraft.en }, order: fields.length },
              (field) => ({ type: 'config.upsertField', field }),
              `Đã thêm lĩnh vực “${fieldDraft.vi}”.`,
            );
          }}
        >
          <input
            placeholder="Mã (vd. tu-phap)"
            value={fieldDraft.id}
            onChange={(e) => setFieldDraft({ ...fieldDraft, id: e.target.value })}
          />
          <input
            placeholder="Tên tiếng Việt"
            value={fieldDraft.vi}
            onChange={(e) => setFieldDraft({ ...fieldDraft, vi: e.target.value })}
          />
          <input
            placeholder="Tên tiếng Anh"
            value={fieldDraft.en}
            onChange={(e) => setFieldDraft({ ...fieldDraft, en: e.target.value })}
          />
          <button className="btn" type="submit">
            + Thêm lĩnh vực
          </button>
        </form>
      </section>
    </div>
  );
}

function CountersSection({ state }: { state: QueueState }) {
  const { send, feedback } = useSender();
  const [draft, setDraft] = useState<Counter | null>(null);
  const services = sortedServices(state);
  const toggle = (serviceId: string) => {
    if (!draft) return;
    const has = draft.serviceIds.includes(serviceId);
    setDraft({
      ...draft,
      serviceIds: has ? draft.serviceIds.filter((s) => s !== serviceId) : [...draft.serviceIds, serviceId],
    });
  };
  const move = (index: number, by: number) => {
    if (!draft) return;
    const ids = [...draft.serviceIds];
    const [item] = ids.splice(index, 1);
    if (item) ids.splice(Math.max(0, Math.min(ids.length, index + by)), 0, item);
    setDraft({ ...draft, serviceIds: ids });
  };
  const nextNumber = Math.max(0, ...Object.values(state.config.counters).map((c) => c.number)) + 1;
  return (
    <div className="config-section">
      <section className="card">
        <div className="row">
          <h2>Quầy</h2>
          <span className="spacer" />
          <button
            type="button"
            className="btn btn-primary"
            onClick={() =>
              setDraft({
                id: `quay-${nextNumber}`,
                number: nextNumber,
                name: { vi: `Quầy ${nextNumber}`, en: `Counter ${nextNumber}` },
                serviceIds: [],
              })
            }
          >
            + Thêm quầy
          </button>
        </div>
        <table className="table">
          <thead>
            <tr>
              <th className="num">Số</th>
              <th>Tên</th>
              <th>Thủ tục phục vụ (theo thứ tự ưu tiên)</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {sortedCounters(state).map((c) => (
              <tr key={c.id}>
                <td className="num">{c.number}</td>
                <td>{c.name.vi}</td>
                <td>{c.serviceIds.map((id) => state.config.services[id]?.name.vi ?? id).join(' · ')}</td>
                <td>
                  <button type="button" className="btn btn-small" onClick={() => setDraft(c)}>
                    Sửa
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {draft && (
        <form
          className="card form-grid"
          onSubmit={(e) => {
            e.preventDefault();
            void send(
              counterSchema,
              draft,
              (counter) => ({ type: 'config.upsertCounter', counter }),
              `Đã lưu ${draft.name.vi}.`,
            ).then((ok) => ok && setDraft(null));
          }}
        >
          <Field label="Số quầy">
            <input
              type="number"
              value={draft.number}
              onChange={(e) => setDraft({ ...draft, number: Number(e.target.value) })}
            />
          </Field>
          <Field label="Tên quầy" wide>
            <input
              value={draft.name.vi}
              onChange={(e) => setDraft({ ...draft, name: { ...draft.name, vi: e.target.value } })}
            />
          </Field>
          <div className="wide">
            <strong>Thứ tự gọi</strong>
            <ol>
              {draft.serviceIds.map((id, i) => (
                <li key={id}>
                  {state.config.services[id]?.name.vi ?? id}{' '}
                  <button type="button" className="btn btn-small" onClick={() => move(i, -1)} aria-label="Lên">
                    ↑
                  </button>
                  <button type="button" className="btn btn-small" onClick={() => move(i, 1)} aria-label="Xuống">
                    ↓
                  </button>
                </li>
              ))}
            </ol>
            <div className="checks">
              {services.map((s) => (
                <label key={s.id} className="check">
                  <input type="checkbox" checked={draft.serviceIds.includes(s.id)} onChange={() => toggle(s.id)} />
                  {s.name.vi}
                </label>
              ))}
            </div>
          </div>
          <FormActions saveLabel="Lưu quầy" onCancel={() => setDraft(null)} />
        </form>
      )}
      <FeedbackLine feedback={feedback} />
    </div>
  );
}

function UsersSection({ state }: { state: QueueState }) {
  const client = useHubClient();
  const { send, feedback, setFeedback } = useSender();
  const [draft, setDraft] = useState<User>({ id: '', username: '', displayName: '', role: 'clerk', disabled: false });
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
  const roleName = { admin: 'Quản trị', supervisor: 'Lãnh đạo giám sát', clerk: 'Cán bộ một cửa' } as const;
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
                <td>{roleName[u.role]}</td>
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
      <form
        className="card form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          void send(
            userSchema,
            { ...draft, id: draft.id || draft.username },
            (user) => ({ type: 'config.upsertUser', user }),
            `Đã thêm tài khoản ${draft.displayName}. Hãy đặt mã PIN.`,
          );
        }}
      >
        <h2 className="wide">Thêm tài khoản</h2>
        <Field label="Họ tên">
          <input value={draft.displayName} onChange={(e) => setDraft({ ...draft, displayName: e.target.value })} />
        </Field>
        <Field label="Tên đăng nhập (a–z, 0–9)">
          <input
            value={draft.username}
            onChange={(e) => setDraft({ ...draft, username: e.target.value.toLowerCase() })}
          />
        </Field>
        <Field label="Vai trò">
          <select value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.target.value as User['role'] })}>
            <option value="clerk">Cán bộ một cửa</option>
            <option value="supervisor">Lãnh đạo giám sát</option>
            <option value="admin">Quản trị</option>
          </select>
        </Field>
        <div className="form-actions">
          <button className="btn btn-primary" type="submit">
            Thêm
          </button>
        </div>
      </form>
      <FeedbackLine feedback={feedback} />
    </div>
  );
}

const KIND_NAMES = { kiosk: 'Máy lấy số', counter: 'Quầy', display: 'Màn hình', rating: 'Máy đánh giá' } as const;

function DevicesSection({ state }: { state: QueueState }) {
  const client = useHubClient();
  const { send, feedback, setFeedback } = useSender();
  const [pairings, setPairings] = useState<PairingRecord[]>([]);
  const [approval, setApproval] = useState({ pairingCode: '', name: '', counterId: '', printerProfileId: '' });
  const refresh = async () => {
    const reply = await client.listDevices();
    if (reply.ok) setPairings(reply.devices);
  };
  useEffect(() => {
    void refresh();
    // Reload when the configured devices change (approvals, revocations).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.config.devices]);
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
          {pending.map((p) => `${KIND_NAMES[p.kind]} “${p.name}” – mã ${p.pairingCode}`).join('; ')}
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

const NEW_PRINTER: PrinterProfile = {
  id: '',
  name: '',
  transportUrl: 'tcp://192.168.1.50:9100',
  paperWidth: 80,
  mode: 'raster',
  codePage: '',
  cut: 'partial',
  density: 4,
  beep: false,
};

function PrintersSection({ state }: { state: QueueState }) {
  const { send, feedback, setFeedback } = useSender();
  const [draft, setDraft] = useState<PrinterProfile | null>(null);
  const testPrint = async (profile: PrinterProfile) => {
    setFeedback({ ok: true, text: `Đang in thử trên “${profile.name}”…` });
    try {
      const reply = await postJson<{ ok: boolean; message?: string }>('/api/printers/test', { profileId: profile.id });
      setFeedback(
        reply.ok
          ? { ok: true, text: `Đã in vé thử trên “${profile.name}”.` }
          : { ok: false, text: reply.message ?? 'Không in được.' },
      );
    } catch (e) {
      setFeedback({ ok: false, text: (e as Error).message });
    }
  };
  return (
    <div className="config-section">
      <section className="card">
        <div className="row">
          <h2>Cấu hình máy in</h2>
          <span className="spacer" />
          <button type="button" className="btn btn-primary" onClick={() => setDraft({ ...NEW_PRINTER })}>
            + Thêm máy in
          </button>
        </div>
        <table className="table">
          <thead>
            <tr>
              <th>Tên</th>
              <th>Địa chỉ</th>
              <th>Khổ giấy</th>
              <th>Chế độ in</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {Object.values(state.config.printerProfiles).map((p) => (
              <tr key={p.id}>
                <td>{p.name}</td>
                <td>
                  <code>{p.transportUrl}</code>
                </td>
                <td>{p.paperWidth} mm</td>
                <td>{p.mode === 'raster' ? 'Ảnh (tiếng Việt đầy đủ)' : `Văn bản ${p.codePage}`}</td>
                <td className="row">
                  <button type="button" className="btn btn-small" onClick={() => void testPrint(p)}>
                    In vé thử
                  </button>
                  <button type="button" className="btn btn-small" onClick={() => setDraft(p)}>
                    Sửa
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {draft && (
        <form
          className="card form-grid"
          onSubmit={(e) => {
            e.preventDefault();
            void send(
              printerProfileSchema,
              draft,
              (profile) => ({ type: 'config.upsertPrinterProfile', profile }),
              `Đã lưu máy in “${draft.name}”.`,
            ).then((ok) => ok && setDraft(null));
          }}
        >
          <Field label="Mã định danh">
            <input value={draft.id} onChange={(e) => setDraft({ ...draft, id: e.target.value })} />
          </Field>
          <Field label="Tên">
            <input value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
          </Field>
          <Field label="Địa chỉ (tcp://IP:9100, device:///dev/usb/lp0, file:///thư-mục)" wide>
            <input value={draft.transportUrl} onChange={(e) => setDraft({ ...draft, transportUrl: e.target.value })} />
          </Field>
          <Field label="Khổ giấy">
            <select
              value={draft.paperWidth}
              onChange={(e) => setDraft({ ...draft, paperWidth: Number(e.target.value) === 58 ? 58 : 80 })}
            >
              <option value={80}>80 mm</option>
              <option value={58}>58 mm</option>
            </select>
          </Field>
          <Field label="Chế độ in">
            <select
              value={draft.mode}
              onChange={(e) => setDraft({ ...draft, mode: e.target.value === 'text' ? 'text' : 'raster' })}
            >
              <option value="raster">Ảnh – khuyên dùng</option>
              <option value="text">Văn bản (máy có bảng mã TCVN-3)</option>
            </select>
          </Field>
          <Field label="Cắt giấy">
            <select
              value={draft.cut}
              onChange={(e) => setDraft({ ...draft, cut: e.target.value as PrinterProfile['cut'] })}
            >
              <option value="partial">Cắt một phần</option>
              <option value="full">Cắt hẳn</option>
              <option value="none">Không cắt</option>
            </select>
          </Field>
          <Field label="Độ đậm (1–8)">
            <input
              type="number"
              min={1}
              max={8}
              value={draft.density}
              onChange={(e) => setDraft({ ...draft, density: Number(e.target.value) })}
            />
          </Field>
          <label className="check">
            <input
              type="checkbox"
              checked={draft.beep}
              onChange={(e) => setDraft({ ...draft, beep: e.target.checked })}
            />
            Kêu bíp khi in
          </label>
          <FormActions saveLabel="Lưu máy in" onCancel={() => setDraft(null)} />
        </form>
      )}
      <FeedbackLine feedback={feedback} />
    </div>
  );
}

function PriorityForm({ state }: { state: QueueState }) {
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

function DisplayForm({ state }: { state: QueueState }) {
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

/** Save and cancel under an edit form. */
function FormActions({ saveLabel, onCancel }: { saveLabel: string; onCancel(): void }) {
  return (
    <div className="form-actions">
      <button className="btn btn-primary" type="submit">
        {saveLabel}
      </button>
      <button className="btn" type="button" onClick={onCancel}>
        Hủy
      </button>
    </div>
  );
}
