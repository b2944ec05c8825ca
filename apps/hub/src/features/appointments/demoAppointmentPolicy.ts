import type { AppointmentPolicy, QueueState } from '@motcua/core';

/** The demo office takes bookings for every service, three per half hour. */
export function demoAppointmentPolicy(state: QueueState): AppointmentPolicy {
  const services: AppointmentPolicy['services'] = {};
  for (const service of Object.values(state.config.services)) {
    if (service.enabled) services[service.id] = { perSlot: 3, perDay: 0 };
  }
  return {
    enabled: true,
    slotMinutes: 30,
    earlyMinutes: 30,
    lateMinutes: 15,
    daysAhead: 14,
    leadMinutes: 0,
    services,
  };
}
