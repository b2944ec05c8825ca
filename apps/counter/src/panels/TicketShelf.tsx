import type { LocalizedName, Ticket } from '@motcua/core';
import { useLanguage } from '@motcua/ui';
import type { ReactNode } from 'react';

/** Tickets set aside at this counter (on hold, no-shows) with what can be done with each. */
export function TicketShelf({
  title,
  tickets,
  buttons,
  testId,
}: {
  title: LocalizedName;
  tickets: Ticket[];
  buttons: (ticket: Ticket) => ReactNode;
  testId: string;
}) {
  const { t } = useLanguage();
  return (
    <div className="shelf" data-testid={testId}>
      <h3>{t(title)}</h3>
      <ul>
        {tickets.map((ticket) => (
          <li key={ticket.id} data-label={ticket.label}>
            <span className="queue__label">{ticket.label}</span>
            <span className="shelf__buttons">{buttons(ticket)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
