import { useLanguage } from '@motcua/ui';
import { useEffect, useState } from 'react';
import type { CentralLinkStatus } from '@motcua/core';
import { formatClock } from './format';
import { getJson } from './hubApi';

const LINK_NAMES: Record<CentralLinkStatus['link'], { vi: string; en: string }> = {
  off: { vi: 'Chưa cấu hình', en: 'Not configured' },
  connecting: { vi: 'Đang kết nối', en: 'Connecting' },
  up: { vi: 'Đã kết nối', en: 'Connected' },
  down: { vi: 'Mất kết nối, đang thử lại', en: 'Link down, retrying' },
  refused: { vi: 'Máy chủ tỉnh từ chối, cần kiểm tra mã xác thực', en: 'Refused by central: check the credential' },
};

/** The link to the province's central service and how far behind its copy is; hidden when shipping is off. */
export function CentralLinkPanel({ timeZone }: { timeZone: string }) {
  const { t } = useLanguage();
  const [status, setStatus] = useState<CentralLinkStatus | null>(null);
  useEffect(() => {
    let alive = true;
    const load = () =>
      getJson<{ status: CentralLinkStatus }>('/api/central/status')
        .then((reply) => alive && setStatus(reply.status))
        .catch(() => undefined);
    void load();
    const timer = setInterval(() => void load(), 5000);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, []);
  if (!status?.enabled) return null;
  return (
    <section className={`central-link central-link-${status.link}`} data-testid="central-link">
      <strong>{t({ vi: 'Gửi dữ liệu lên tỉnh', en: 'Shipping to the province' })}:</strong> {t(LINK_NAMES[status.link])}
      {' · '}
      {status.behind === 0
        ? t({ vi: 'đã gửi đủ', en: 'up to date' })
        : t({ vi: `còn ${status.behind} sự kiện chưa gửi`, en: `${status.behind} events behind` })}
      {status.lastSuccessAt !== null && (
        <span className="muted">
          {' · '}
          {t({ vi: 'lần cuối', en: 'last' })} {formatClock(status.lastSuccessAt, timeZone)}
        </span>
      )}
      {status.lastError && status.link !== 'up' && <div className="muted">{status.lastError}</div>}
    </section>
  );
}
