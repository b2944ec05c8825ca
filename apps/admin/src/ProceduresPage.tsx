import { errorMessages, procedureInfoSchema, sortedServices, type ProcedureInfo } from '@motcua/core';
import { useHubClient, useQueueState } from '@motcua/client';
import { useState, type FormEvent } from 'react';

const EMPTY_INFO: ProcedureInfo = {
  catalogueCode: '',
  documents: [],
  fee: '',
  processingTime: '',
  printOnTicket: false,
  returnsResults: false,
};

interface Draft {
  serviceId: string;
  catalogueCode: string;
  /** One document per line, as the admin types them. */
  documents: string;
  fee: string;
  processingTime: string;
  printOnTicket: boolean;
  returnsResults: boolean;
}

function draftOf(serviceId: string, info: ProcedureInfo | undefined): Draft {
  const i = info ?? EMPTY_INFO;
  return { serviceId, ...i, documents: i.documents.join('\n') };
}

/**
 * Per procedure: the papers to bring, the fee and the processing time the kiosk shows before the
 * ticket is taken, and whether the ticket prints the papers as a reminder.
 */
export function ProceduresPage() {
  const state = useQueueState();
  const client = useHubClient();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [feedback, setFeedback] = useState<{ ok: boolean; text: string } | null>(null);
  if (!state) return null;
  const procedures = state.config.procedures ?? {};

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft) return;
    const parsed = procedureInfoSchema.safeParse({
      catalogueCode: draft.catalogueCode,
      documents: draft.documents
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
      fee: draft.fee,
      processingTime: draft.processingTime,
      printOnTicket: draft.printOnTicket,
      returnsResults: draft.returnsResults,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setFeedback({ ok: false, text: `Chưa hợp lệ – ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}` });
      return;
    }
    const reply = await client.send({ type: 'config.setProcedureInfo', serviceId: draft.serviceId, info: parsed.data });
    if (!reply.ok) return setFeedback({ ok: false, text: errorMessages[reply.code].vi });
    setFeedback({ ok: true, text: 'Đã lưu thông tin thủ tục; máy lấy số hiển thị ngay.' });
    setDraft(null);
  };

  return (
    <div className="page procedures" data-testid="procedures-page">
      <h1>Thông tin thủ tục / Procedure information</h1>
      <p className="muted">
        Giấy tờ cần mang theo, phí, lệ phí và thời hạn giải quyết hiện trên máy lấy số trước khi công dân lấy số. Sao
        chép từ quyết định công bố thủ tục hành chính của tỉnh; mã thủ tục theo Cơ sở dữ liệu quốc gia về TTHC (ví dụ
        1.001193), để trống nếu chưa tra cứu.
      </p>
      {feedback ? (
        <p className={feedback.ok ? 'notice' : 'form-error'} role={feedback.ok ? 'status' : 'alert'}>
          {feedback.text}
        </p>
      ) : null}
      <section className="card">
        <table className="table" data-testid="procedures-table">
          <thead>
            <tr>
              <th>Thủ tục</th>
              <th>Mã TTHC</th>
              <th>Giấy tờ</th>
              <th>Phí, lệ phí</th>
              <th>Thời hạn</th>
              <th>In trên vé</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {sortedServices(state).map((service) => {
              const info = procedures[service.id];
              return (
                <tr key={service.id} data-key={service.id}>
                  <td>{service.name.vi}</td>
                  <td>{info?.catalogueCode || '—'}</td>
                  <td>{info?.documents.length ?? 0}</td>
                  <td>{info?.fee || '—'}</td>
                  <td>{info?.processingTime || '—'}</td>
                  <td>{info?.printOnTicket ? 'Có' : 'Không'}</td>
                  <td>
                    <button
                      type="button"
                      className="btn"
                      onClick={() => {
                        setFeedback(null);
                        setDraft(draftOf(service.id, info));
                      }}
                      data-testid={`procedure-edit-${service.id}`}
                    >
                      Sửa
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      {draft ? (
        <form className="card form-grid" onSubmit={(e) => void save(e)} data-testid="procedure-form">
          <h2 className="wide">{state.config.services[draft.serviceId]?.name.vi ?? draft.serviceId}</h2>
          <label className="field">
            <span>Mã thủ tục (CSDL quốc gia về TTHC)</span>
            <input
              name="catalogueCode"
              value={draft.catalogueCode}
              placeholder="1.001193"
              onChange={(e) => setDraft({ ...draft, catalogueCode: e.target.value })}
            />
          </label>
          <label className="field wide">
            <span>Giấy tờ cần mang theo (mỗi dòng một loại)</span>
            <textarea
              name="documents"
              rows={6}
              value={draft.documents}
              onChange={(e) => setDraft({ ...draft, documents: e.target.value })}
            />
          </label>
          <label className="field wide">
            <span>Phí, lệ phí</span>
            <input name="fee" value={draft.fee} onChange={(e) => setDraft({ ...draft, fee: e.target.value })} />
          </label>
          <label className="field wide">
            <span>Thời hạn giải quyết</span>
            <input
              name="processingTime"
              value={draft.processingTime}
              onChange={(e) => setDraft({ ...draft, processingTime: e.target.value })}
            />
          </label>
          <label className="field wide checkbox">
            <input
              name="printOnTicket"
              type="checkbox"
              checked={draft.printOnTicket}
              onChange={(e) => setDraft({ ...draft, printOnTicket: e.target.checked })}
            />
            <span>In danh sách giấy tờ trên vé (nhắc ngắn)</span>
          </label>
          <label className="field wide checkbox">
            <input
              name="returnsResults"
              type="checkbox"
              checked={draft.returnsResults}
              onChange={(e) => setDraft({ ...draft, returnsResults: e.target.checked })}
            />
            <span>Thủ tục trả kết quả: máy lấy số hỏi mã hồ sơ (quét hoặc nhập) trước khi cấp số</span>
          </label>
          <div className="form-actions">
            <button className="btn btn-primary" type="submit" data-testid="procedure-save">
              Lưu
            </button>
            <button className="btn" type="button" onClick={() => setDraft(null)}>
              Hủy
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
