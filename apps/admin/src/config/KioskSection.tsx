import {
  kioskSettingsSchema,
  reprintLimit,
  statusLinkWarningMessages,
  type KioskSettings,
  type QueueState,
  type StatusLinkCheck,
} from '@motcua/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { getJson } from '../hubApi';
import { Field, FeedbackLine, useSender } from './shared';
import { z } from './vietnameseZod';

const KIOSK_LABELS = {
  footerText: 'Dòng chữ cuối vé',
  idleSeconds: 'Tự quay về màn hình đầu sau (giây)',
  reprintLimit: 'Số lần in lại tối đa mỗi vé (0–10)',
  statusBaseUrl: 'Địa chỉ tra cứu trên vé (để trống = địa chỉ của máy chủ)',
} as const;

/** Core's kiosk settings, with the status address checked as the phone will open it. */
export const kioskFormSchema = kioskSettingsSchema.extend({
  statusBaseUrl: z
    .string()
    .trim()
    .max(300)
    .refine((value) => value === '' || /^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/i.test(value), {
      message: 'phải là địa chỉ bắt đầu bằng http:// hoặc https://, ví dụ https://motcua.phuong.gov.vn',
    })
    .transform((value) => value.replace(/\/+$/, '')),
});

export function KioskSection({ state }: { state: QueueState }) {
  const { send, feedback } = useSender();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<z.input<typeof kioskFormSchema>, unknown, KioskSettings>({
    resolver: zodResolver(kioskFormSchema),
    // The limit in force is shown even when the office never set one.
    defaultValues: { ...state.config.kiosk, reprintLimit: reprintLimit(state) },
  });
  const submit = handleSubmit(async (kiosk) => {
    await send(
      null,
      kiosk,
      (checked: KioskSettings) => ({ type: 'config.setKiosk', kiosk: checked }),
      'Đã lưu cài đặt máy lấy số.',
    );
  });
  return (
    <div className="config-section">
      <StatusLinkPanel state={state} />
      <form className="card form-grid" onSubmit={(e) => void submit(e)} data-testid="kiosk-form" noValidate>
        <h2 className="wide">Máy lấy số và vé</h2>
        <Field label={KIOSK_LABELS.statusBaseUrl} wide error={errors.statusBaseUrl?.message}>
          <input {...register('statusBaseUrl')} placeholder="https://motcua.phuong.gov.vn" />
        </Field>
        <Field label={KIOSK_LABELS.footerText} wide error={errors.footerText?.message}>
          <input {...register('footerText')} />
        </Field>
        <Field label={KIOSK_LABELS.idleSeconds} error={errors.idleSeconds?.message}>
          <input type="number" {...register('idleSeconds', { valueAsNumber: true })} />
        </Field>
        <Field label={KIOSK_LABELS.reprintLimit} error={errors.reprintLimit?.message}>
          <input type="number" {...register('reprintLimit', { valueAsNumber: true })} />
        </Field>
        <label className="check wide">
          <input type="checkbox" {...register('showTicketWhenPrinterFails')} />
          Hiện số và mã QR trên màn hình khi máy in lỗi
        </label>
        <div className="form-actions">
          <button className="btn btn-primary" type="submit" data-testid="kiosk-save">
            Lưu
          </button>
          <FeedbackLine feedback={feedback} />
        </div>
      </form>
    </div>
  );
}

/** The base the ticket QR uses now, as the hub works it out, and why a phone might not open it. */
function StatusLinkPanel({ state }: { state: QueueState }) {
  const [check, setCheck] = useState<StatusLinkCheck | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    getJson<StatusLinkCheck>('/api/status-link').then(
      (reply) => {
        setCheck(reply);
        setProblem(null);
      },
      (error: Error) => setProblem(error.message),
    );
  }, [state.config.kiosk]);
  return (
    <section className="card" data-testid="status-link">
      <h2>Đường dẫn tra cứu trên vé (mã QR)</h2>
      {problem && <p className="form-error">{problem}</p>}
      {check && (
        <>
          <p>
            Công dân quét mã QR trên vé để mở: <code data-testid="status-link-base">{check.baseUrl}/t/…</code>{' '}
            <span className="muted">
              {check.configured ? '(địa chỉ do quản trị đặt)' : '(địa chỉ máy chủ tự nhận ra)'}
            </span>
          </p>
          {check.warnings.length === 0 ? (
            <p className="notice">
              Địa chỉ công khai: điện thoại mở được cả khi dùng 4G, nếu máy chủ trung gian chuyển /t/ về máy chủ này.
            </p>
          ) : (
            <ul className="plain">
              {check.warnings.map((warning) => (
                <li
                  key={warning}
                  className="form-error"
                  role="alert"
                  data-testid="status-link-warning"
                  data-warning={warning}
                >
                  {statusLinkWarningMessages[warning].vi}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
