import {
  targetRefusalMessages,
  webhookSettingsUpdateSchema,
  type QueueState,
  type TargetRefusal,
  type WebhookDelivery,
  ticketById,
} from '@motcua/core';
import { useHubClient, useQueueState } from '@motcua/client';
import { useLanguage } from '@motcua/ui';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { callFeature } from './featureSocket';
import { formatDateTime } from './format';
import type { LocalizedText } from './localized';
import { validationMessage } from './validationMessage';

interface SavedSettings {
  url: string;
  notifyAhead: number;
  enabled: boolean;
  allowLanTargets: boolean;
}

/** The hub's refusal of a receiver address (`details.refusal`), in the admin's words. */
function refusalText(details: unknown): LocalizedText | null {
  const refusal = (details as { refusal?: unknown } | undefined)?.refusal;
  return typeof refusal === 'string' && refusal in targetRefusalMessages
    ? targetRefusalMessages[refusal as TargetRefusal]
    : null;
}

type Feedback = { ok: boolean; text: LocalizedText } | null;

const FIELD_LABELS: Record<string, LocalizedText> = {
  url: { vi: 'Địa chỉ nhận (URL)', en: 'Receiver URL' },
  secret: { vi: 'Khóa bí mật', en: 'Secret' },
  notifyAhead: { vi: 'Báo trước khi còn N người', en: 'Notify when N people ahead' },
};

const DELIVERIES_REFRESH_MS = 3000;

/** 32 random characters to share with the gateway; shown once, the hub never shows it again. */
function randomSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
}

/** Notification webhooks for an SMS or Zalo gateway: settings (secret write-only) and recent deliveries. */
export function WebhooksPage() {
  const state = useQueueState();
  const client = useHubClient();
  const { t } = useLanguage();
  const [saved, setSaved] = useState<SavedSettings | null | undefined>(undefined);
  const [loadError, setLoadError] = useState<LocalizedText | null>(null);
  const load = useCallback(async () => {
    const reply = await callFeature(client, 'webhooks.get', {});
    if (reply.ok) {
      setSaved(reply.settings);
      setLoadError(null);
    } else setLoadError(reply.message);
  }, [client]);
  useEffect(() => {
    void load();
  }, [load]);
  if (!state) return null;
  return (
    <div className="page" data-testid="webhooks-page">
      <h1>{t({ vi: 'Webhook thông báo', en: 'Notification webhooks' })}</h1>
      {loadError && (
        <p className="form-error" role="alert">
          {t(loadError)}{' '}
          <button type="button" className="btn btn-small" onClick={() => void load()}>
            {t({ vi: 'Thử lại', en: 'Retry' })}
          </button>
        </p>
      )}
      {saved !== undefined && <SettingsForm saved={saved} onSaved={() => void load()} />}
      <DeliveriesCard state={state} />
    </div>
  );
}

function SettingsForm({ saved, onSaved }: { saved: SavedSettings | null; onSaved: () => void }) {
  const client = useHubClient();
  const { t } = useLanguage();
  const [url, setUrl] = useState(saved?.url ?? '');
  const [secret, setSecret] = useState('');
  const [notifyAhead, setNotifyAhead] = useState(String(saved?.notifyAhead ?? 3));
  const [enabled, setEnabled] = useState(saved?.enabled ?? true);
  const [allowLanTargets, setAllowLanTargets] = useState(saved?.allowLanTargets ?? false);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!saved && !secret) {
      setFeedback({
        ok: false,
        text: {
          vi: 'Khóa bí mật: hãy nhập ít nhất 16 ký tự (hoặc bấm “Tạo khóa ngẫu nhiên”) và nhập cùng khóa ở cổng SMS/Zalo.',
          en: 'Secret: enter at least 16 characters (or press “Generate”) and enter the same secret at the gateway.',
        },
      });
      return;
    }
    const value = {
      url: url.trim(),
      notifyAhead: notifyAhead.trim() === '' ? Number.NaN : Number(notifyAhead),
      enabled,
      allowLanTargets,
      ...(secret ? { secret } : {}),
    };
    const parsed = webhookSettingsUpdateSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setFeedback({
        ok: false,
        text:
          (issue?.code === 'custom' ? refusalText(issue.params) : null) ??
          validationMessage(issue, (path) => FIELD_LABELS[String(path[0])] ?? null),
      });
      return;
    }
    setBusy(true);
    const reply = await callFeature(client, 'webhooks.set', parsed.data);
    setBusy(false);
    if (!reply.ok) {
      setFeedback({ ok: false, text: refusalText(reply.details) ?? reply.message });
      return;
    }
    setSecret('');
    setFeedback({
      ok: true,
      text: {
        vi: 'Đã lưu. Thông báo mới sẽ được gửi theo cấu hình này ngay.',
        en: 'Saved. New notifications are sent with these settings right away.',
      },
    });
    onSaved();
  };

  return (
    <form className="card form-grid" onSubmit={(e) => void submit(e)} noValidate data-testid="webhook-form">
      <p className="wide-row muted">
        {t({
          vi: 'Máy chủ gửi yêu cầu POST có chữ ký HMAC tới cổng SMS/Zalo của cơ quan khi công dân sắp đến lượt và khi số được gọi.',
          en: 'The hub POSTs a signed (HMAC) request to the office’s SMS/Zalo gateway when a citizen’s turn is near and when the number is called.',
        })}{' '}
        <span data-testid="webhook-docs">
          {t({
            vi: 'Cách cổng kiểm tra chữ ký và chống gửi lại: xem docs/webhooks.md.',
            en: 'How the gateway checks the signature and refuses replays: see docs/webhooks.md.',
          })}
        </span>
      </p>
      <label className="field wide">
        <span>{t(FIELD_LABELS.url as LocalizedText)}</span>
        <input
          name="url"
          type="url"
          value={url}
          placeholder="https://sms.example.vn/motcua"
          onChange={(e) => setUrl(e.target.value)}
        />
        <span className="muted">{t({ vi: 'Để trống = tắt thông báo', en: 'Empty = notifications off' })}</span>
      </label>
      <label className="field wide">
        <span>{t(FIELD_LABELS.secret as LocalizedText)}</span>
        <input
          name="secret"
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={secret}
          placeholder={
            saved
              ? t({ vi: 'Đã đặt khóa – để trống để giữ nguyên', en: 'A secret is set – leave blank to keep it' })
              : t({ vi: 'Ít nhất 16 ký tự', en: 'At least 16 characters' })
          }
          onChange={(e) => setSecret(e.target.value)}
        />
        <span className="muted">
          {t({
            vi: 'Chỉ ghi, không hiển thị lại. Nhập cùng khóa ở cổng để kiểm tra chữ ký X-Motcua-Signature.',
            en: 'Write-only, never shown again. Enter the same secret at the gateway to check X-Motcua-Signature.',
          })}
        </span>
      </label>
      <label className="field">
        <span>{t(FIELD_LABELS.notifyAhead as LocalizedText)}</span>
        <input
          name="notifyAhead"
          type="number"
          min={0}
          max={50}
          value={notifyAhead}
          onChange={(e) => setNotifyAhead(e.target.value)}
        />
        <span className="muted">{t({ vi: '0–50 người phía trước', en: '0–50 people ahead' })}</span>
      </label>
      <label className="check">
        <input type="checkbox" name="enabled" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
        {t({ vi: 'Đang bật gửi thông báo', en: 'Notifications on' })}
      </label>
      <label className="check wide-row">
        <input
          type="checkbox"
          name="allowLanTargets"
          checked={allowLanTargets}
          onChange={(e) => setAllowLanTargets(e.target.checked)}
        />
        {t({
          vi: 'Cho phép địa chỉ trong mạng nội bộ (cổng SMS/Zalo đặt trong mạng cơ quan: 10.x, 172.16–31.x, 192.168.x)',
          en: 'Allow LAN addresses (the SMS/Zalo gateway is on the office network: 10.x, 172.16–31.x, 192.168.x)',
        })}
      </label>
      <div className="form-actions">
        <button className="btn btn-primary" type="submit" disabled={busy} data-testid="webhook-save">
          {t({ vi: 'Lưu webhook', en: 'Save webhook' })}
        </button>
        <button type="button" className="btn" onClick={() => setSecret(randomSecret())}>
          {t({ vi: 'Tạo khóa ngẫu nhiên', en: 'Generate a secret' })}
        </button>
        {feedback && (
          <p
            className={feedback.ok ? 'notice' : 'form-error'}
            role={feedback.ok ? 'status' : 'alert'}
            data-testid="webhook-feedback"
          >
            {t(feedback.text)}
          </p>
        )}
      </div>
    </form>
  );
}

const STATUS_TEXT: Record<WebhookDelivery['status'], LocalizedText & { pill: string }> = {
  delivered: { vi: 'Đã gửi', en: 'Delivered', pill: 'pill-open' },
  pending: { vi: 'Đang chờ gửi', en: 'Pending', pill: 'pill-paused' },
  failed: { vi: 'Thất bại', en: 'Failed', pill: 'pill-closed' },
};

const KIND_TEXT: Record<WebhookDelivery['kind'], LocalizedText> = {
  'ticket.near': { vi: 'Sắp đến lượt', en: 'Turn is near' },
  'ticket.called': { vi: 'Đã gọi số', en: 'Called' },
};

function DeliveriesCard({ state }: { state: QueueState }) {
  const client = useHubClient();
  const { t } = useLanguage();
  const [deliveries, setDeliveries] = useState<WebhookDelivery[] | null>(null);
  const [error, setError] = useState<LocalizedText | null>(null);
  // Deliveries are not queue events: poll while the page is open.
  useEffect(() => {
    let live = true;
    const refresh = async () => {
      const reply = await callFeature(client, 'webhooks.deliveries', {});
      if (!live) return;
      if (reply.ok) {
        setDeliveries(reply.deliveries);
        setError(null);
      } else setError(reply.message);
    };
    void refresh();
    const timer = setInterval(() => void refresh(), DELIVERIES_REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [client]);
  const timeZone = state.config.office.timeZone;
  return (
    <section className="card">
      <h2>{t({ vi: 'Lần gửi gần đây', en: 'Recent deliveries' })}</h2>
      {error && (
        <p className="form-error" role="alert">
          {t(error)}
        </p>
      )}
      <table className="table" data-testid="webhook-deliveries">
        <thead>
          <tr>
            <th>{t({ vi: 'Thời điểm', en: 'Created' })}</th>
            <th>{t({ vi: 'Loại', en: 'Type' })}</th>
            <th>{t({ vi: 'Số thứ tự', en: 'Ticket' })}</th>
            <th>{t({ vi: 'Trạng thái', en: 'Status' })}</th>
            <th className="num">{t({ vi: 'Số lần gửi', en: 'Attempts' })}</th>
            <th>{t({ vi: 'Lỗi gần nhất', en: 'Last error' })}</th>
            <th>{t({ vi: 'Gửi lại lúc', en: 'Next retry' })}</th>
          </tr>
        </thead>
        <tbody>
          {(deliveries ?? []).map((d) => {
            const status = STATUS_TEXT[d.status];
            return (
              <tr key={d.id} data-delivery={d.id} data-status={d.status}>
                <td>{formatDateTime(d.createdAt, timeZone)}</td>
                <td>{t(KIND_TEXT[d.kind])}</td>
                <td className="ticket-label">{ticketById(state, d.ticketId)?.label ?? d.ticketId}</td>
                <td>
                  <span className={`pill ${status.pill}`}>{t(status)}</span>
                </td>
                <td className="num">{d.attempts}</td>
                <td className="details">{d.lastError ?? '—'}</td>
                <td>{d.status === 'pending' && d.attempts > 0 ? formatDateTime(d.nextAt, timeZone) : '—'}</td>
              </tr>
            );
          })}
          {deliveries?.length === 0 && (
            <tr>
              <td colSpan={7}>{t({ vi: 'Chưa có thông báo nào được gửi.', en: 'No notifications sent yet.' })}</td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}
