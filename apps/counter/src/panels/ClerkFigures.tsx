import { formatDuration } from '../format';
import { useCounterText } from '../i18n/strings';

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
  const text = useCounterText();
  return (
    <dl className="figures" data-testid="clerk-figures">
      <div>
        <dt>{text('clerkFigures.servedToday')}</dt>
        <dd data-testid="figure-served">{served}</dd>
      </div>
      <div>
        <dt>{text('clerkFigures.noShows')}</dt>
        <dd data-testid="figure-noshows">{noShows}</dd>
      </div>
      <div>
        <dt>{text('clerkFigures.meanServiceTime')}</dt>
        <dd>{meanSeconds === null ? '—' : formatDuration(meanSeconds * 1000)}</dd>
      </div>
    </dl>
  );
}
