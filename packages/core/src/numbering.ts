import type { Service } from './schemas.js';
import type { QueueState } from './state.js';

/** Services in the same numbering group share one running number. */
export function numberingKey(service: Service): string {
  return service.numberingGroup.trim() || `service:${service.id}`;
}

/** The next number for a service today, or null when its range is used up. */
export function nextTicketNumber(state: QueueState, service: Service): number | null {
  const last = state.lastNumbers[numberingKey(service)];
  const next = last === undefined ? service.rangeFrom : last + 1;
  return next > service.rangeTo ? null : next;
}

/** "A023" for prefixed labels (padded to the width of the range's end), "1023" for numeric ones. */
export function formatTicketLabel(
  service: Pick<Service, 'prefix' | 'labelFormat' | 'rangeTo'>,
  number: number,
): string {
  if (service.labelFormat === 'numeric') return String(number);
  const width = String(service.rangeTo).length;
  return `${service.prefix}${String(number).padStart(width, '0')}`;
}

/** Two services whose tickets could get the same label on one day (one prefix, or overlapping plain numbers). */
export function labelsCanCollide(a: Service, b: Service): boolean {
  if (numberingKey(a) === numberingKey(b)) return false;
  if (a.labelFormat === 'prefixed' && b.labelFormat === 'prefixed') return a.prefix === b.prefix;
  if (a.labelFormat === 'numeric' && b.labelFormat === 'numeric') {
    return a.rangeFrom <= b.rangeTo && b.rangeFrom <= a.rangeTo;
  }
  return false;
}
