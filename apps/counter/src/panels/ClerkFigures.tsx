import { useLanguage } from '@motcua/ui';
import { formatDuration } from '../format';

/** The clerk's own day so far. */
export function ClerkFigures({
  served,
  noShows,
  meanSeconds,
}: {
  served: number;
  noShows: number;
  meanSeconds: number | null;
}) {
  const { t } = useLanguage();
  return (
    <dl className="figures" data-testid="clerk-figures">
      <div>
        <dt>{t({ vi: 'Đã phục vụ hôm nay', en: 'Served today' })}</dt>
        <dd data-testid="figure-served">{served}</dd>
      </div>
      <div>
        <dt>{t({ vi: 'Vắng mặt', en: 'No-shows' })}</dt>
        <dd data-testid="figure-noshows">{noShows}</dd>
      </div>
      <div>
        <dt>{t({ vi: 'Thời gian phục vụ TB', en: 'Mean service time' })}</dt>
        <dd>{meanSeconds === null ? '—' : formatDuration(meanSeconds * 1000)}</dd>
      </div>
    </dl>
  );
}
