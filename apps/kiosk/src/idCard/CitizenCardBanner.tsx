import { holderGreeting, type CitizenCard, type LocalizedName, type PriorityGroup } from '@motcua/core';
import { useLanguage } from '@motcua/ui';
import { idCardText } from './idCardText';

/** On the kiosk's own screen only: the greeting by name, the age priority proposed, or why the card was not read. */
export function CitizenCardBanner(props: {
  card: CitizenCard | null;
  problem: LocalizedName | null;
  greetByName: boolean;
  priorityAge: number;
  proposal: PriorityGroup | null;
  onForget(): void;
}) {
  const { t } = useLanguage();
  if (props.problem) {
    return (
      <p className="kiosk-card-banner kiosk-card-banner--problem" role="alert" data-testid="kiosk-card-problem">
        {t(props.problem)}
      </p>
    );
  }
  if (!props.card) return null;
  return (
    <div className="kiosk-card-banner" role="status" data-testid="kiosk-card-banner">
      <span data-testid="kiosk-card-greeting">
        {props.greetByName ? t(holderGreeting(props.card)) : t(idCardText.cardRead)}
      </span>
      {props.proposal ? (
        <span data-testid="kiosk-card-proposal">
          {' '}
          {t(idCardText.ageProposal(props.priorityAge, props.proposal.name))}
        </span>
      ) : null}
      <button type="button" className="kiosk-secondary" onClick={props.onForget} data-testid="kiosk-card-forget">
        {t(idCardText.notMe)}
      </button>
    </div>
  );
}
