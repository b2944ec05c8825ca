import { useLanguage, localizedText } from '@motcua/ui';
import { useEffect, useState } from 'react';
import type { CentralLinkStatus } from '@motcua/core';
import { formatClock } from './format';
import { hubJson } from './hubApi';
import { adminStrings } from './i18n/strings';

const LINK_NAMES: Record<CentralLinkStatus['link'], { vi: string; en: string }> = {
  off: adminStrings['centralLink.notConfigured'],
  connecting: adminStrings['centralLink.connecting'],
  up: adminStrings['centralLink.connected'],
  down: adminStrings['centralLink.linkDownRetrying'],
  refused: adminStrings['centralLink.refusedByCentralCheck'],
};

/** The link to the province's central service and how far behind its copy is; hidden when shipping is off. */
export function CentralLinkPanel({ timeZone }: { timeZone: string }) {
  const { t } = useLanguage();
  const [status, setStatus] = useState<CentralLinkStatus | null>(null);
  useEffect(() => {
    let alive = true;
    const load = () =>
      hubJson('GET /api/central/status', {})
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
      <strong>{t(adminStrings['centralLink.shippingToTheProvince'])}:</strong> {t(LINK_NAMES[status.link])}
      {' · '}
      {status.behind === 0
        ? t(adminStrings['centralLink.upToDate'])
        : t(localizedText(adminStrings['centralLink.eventsBehind'], { behind: status.behind }))}
      {status.lastSuccessAt !== null && (
        <span className="muted">
          {' · '}
          {t(adminStrings['centralLink.last'])} {formatClock(status.lastSuccessAt, timeZone)}
        </span>
      )}
      {status.lastError && status.link !== 'up' && <div className="muted">{status.lastError}</div>}
    </section>
  );
}
