import { holderGreeting, type CitizenCard, type PriorityGroup } from '@motcua/core';
import { useLanguage } from '@motcua/ui';
import { useKioskText } from '../i18n/strings';
import type { CardProblem } from './useCitizenCard';

/** On the kiosk's own screen only: the greeting by name, the age priority proposed, or why the card was not read. */
export function CitizenCardBanner(props: {
  card: CitizenCard | null;
  problem: CardProblem | null;
  greetByName: boolean;
  priorityAge: number;
  proposal: PriorityGroup | null;
  onForget(): void;
}) {
  const { t } = useLanguage();
  const text = useKioskText();
  if (props.problem) {
    return (
      <p className="kiosk-card-banner kiosk-card-banner--problem" role="alert" data-testid="kiosk-card-problem">
        {text(props.problem)}
      </p>
    );
  }
  if (!props.card) return null;
  return (
    <div className="kiosk-card-banner" role="status" data-testid="kiosk-card-banner">
      <span data-testid="kiosk-card-greeting">
        {props.greetByName ? t(holderGreeting(props.card)) : text('idCard.cardRead')}
      </span>
      {props.proposal ? (
        <span data-testid="kiosk-card-proposal">
          {' '}
          {text('idCard.ageProposal', { age: props.priorityAge, group: props.proposal.name })}
        </span>
      ) : null}
      <button type="button" className="kiosk-secondary" onClick={props.onForget} data-testid="kiosk-card-forget">
        {text('idCard.notMe')}
      </button>
    </div>
  );
}
