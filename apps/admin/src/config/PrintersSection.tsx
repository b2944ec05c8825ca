import { printerProfileCommandSchema, type PrinterProfile, type QueueState } from '@motcua/core';
import { useState } from 'react';
import { postJson } from '../hubApi';
import { PrinterShareHostsForm } from './PrinterShareHostsForm';
import { Field, FeedbackLine, FormActions, useSender } from './shared';

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

export function PrintersSection({ state }: { state: QueueState }) {
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
      <PrinterShareHostsForm state={state} />
      {draft && (
        <form
          className="card form-grid"
          onSubmit={(e) => {
            e.preventDefault();
            void send(
              printerProfileCommandSchema,
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
          <Field
            label="Địa chỉ máy in (tcp://IP:9100, device:///dev/usb/lp0, serial://COM3, file:///<thư mục dữ liệu>/…, windows-share://TÊN-MÁY/TÊN-MÁY-IN)"
            wide
          >
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
