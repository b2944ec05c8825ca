import type { Command } from './commands.js';
import { accept, refuse, type Decision } from './decision.js';
import { labelsCanCollide } from './numbering.js';
import { counterState, isActiveTicket } from './selectors.js';
import type { QueueState } from './state.js';
import { ticketsWhere } from './ticketReads.js';

/** The office's set-up: fields, procedures, counters, users, devices, printers and policies. */
export function decideConfig(state: QueueState, command: Command): Decision {
  const config = state.config;
  switch (command.type) {
    case 'config.setOffice':
      return accept({ type: 'config.officeSet', office: command.office });
    case 'config.upsertField':
      return accept({ type: 'config.fieldUpserted', field: command.field });
    case 'config.removeField':
      if (!config.fields[command.fieldId]) return refuse('NOT_FOUND');
      if (Object.values(config.services).some((s) => s.fieldId === command.fieldId)) return refuse('IN_USE');
      return accept({ type: 'config.fieldRemoved', fieldId: command.fieldId });
    case 'config.upsertService': {
      const service = command.service;
      if (!config.fields[service.fieldId]) return refuse('NOT_FOUND', { fieldId: service.fieldId });
      const clash = Object.values(config.services).find((s) => s.id !== service.id && labelsCanCollide(s, service));
      if (clash) return refuse('CONFLICT', { withService: clash.id });
      if (Object.values(config.services).some((s) => s.id !== service.id && s.code === service.code)) {
        return refuse('CONFLICT', { code: service.code });
      }
      return accept({ type: 'config.serviceUpserted', service });
    }
    case 'config.removeService': {
      if (!config.services[command.serviceId]) return refuse('NOT_FOUND');
      const inUse =
        Object.values(config.counters).some((c) => c.serviceIds.includes(command.serviceId)) ||
        ticketsWhere(state, (t) => t.serviceId === command.serviceId && isActiveTicket(t)).length > 0;
      if (inUse) return refuse('IN_USE');
      return accept({ type: 'config.serviceRemoved', serviceId: command.serviceId });
    }
    case 'config.upsertCounter': {
      const counter = command.counter;
      const unknown = counter.serviceIds.find((id) => !config.services[id]);
      if (unknown) return refuse('NOT_FOUND', { serviceId: unknown });
      if (new Set(counter.serviceIds).size !== counter.serviceIds.length) return refuse('BAD_REQUEST');
      if (Object.values(config.counters).some((c) => c.id !== counter.id && c.number === counter.number)) {
        return refuse('CONFLICT', { number: counter.number });
      }
      return accept({ type: 'config.counterUpserted', counter });
    }
    case 'config.removeCounter': {
      if (!config.counters[command.counterId]) return refuse('NOT_FOUND');
      const now = counterState(state, command.counterId);
      const inUse =
        now.status !== 'closed' ||
        now.currentTicketId !== null ||
        Object.values(config.devices).some((d) => d.counterId === command.counterId && !d.revoked);
      if (inUse) return refuse('IN_USE');
      return accept({ type: 'config.counterRemoved', counterId: command.counterId });
    }
    case 'config.upsertUser': {
      const user = command.user;
      if (Object.values(config.users).some((u) => u.id !== user.id && u.username === user.username)) {
        return refuse('CONFLICT', { username: user.username });
      }
      return accept({ type: 'config.userUpserted', user });
    }
    case 'config.upsertDevice': {
      const device = command.device;
      if (device.counterId !== null && !config.counters[device.counterId]) return refuse('NOT_FOUND');
      if (device.printerProfileId !== null && !config.printerProfiles[device.printerProfileId]) {
        return refuse('NOT_FOUND');
      }
      return accept({ type: 'config.deviceUpserted', device });
    }
    case 'config.upsertPrinterProfile':
      return accept({ type: 'config.printerProfileUpserted', profile: command.profile });
    case 'config.removePrinterProfile':
      if (!config.printerProfiles[command.profileId]) return refuse('NOT_FOUND');
      if (Object.values(config.devices).some((d) => d.printerProfileId === command.profileId)) return refuse('IN_USE');
      return accept({ type: 'config.printerProfileRemoved', profileId: command.profileId });
    case 'config.setPriorityPolicy':
      return accept({ type: 'config.priorityPolicySet', priority: command.priority });
    case 'config.setDisplay':
      return accept({ type: 'config.displaySet', display: command.display });
    case 'config.setKiosk':
      return accept({ type: 'config.kioskSet', kiosk: command.kiosk });
    case 'config.setRatingMethod':
      return accept({ type: 'config.ratingMethodSet', ratingMethod: command.ratingMethod });
    case 'config.setProcedureInfo':
      if (!config.services[command.serviceId]) return refuse('NOT_FOUND');
      return accept({ type: 'config.procedureInfoSet', serviceId: command.serviceId, info: command.info });
    default:
      return refuse('UNKNOWN_COMMAND');
  }
}
