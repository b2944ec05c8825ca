import { checkStatusLink, printerAddressMessages, type TicketPrintout } from '@motcua/core';
import { jsonRoute, refuse } from '../net/routes.js';
import { loadPrinter } from './loadPrinter.js';
import { printerAddressContext, printerAddressRefusalNow } from './printerAddressCheck.js';
import type { FeatureContext, HubFeature } from './types.js';

/** A sample ticket for "print a test ticket": what citizens will get, marked as a test. */
export function testTicketPrintout(officeName: string, timeZone: string, at: number): TicketPrintout {
  return {
    officeName,
    serviceNameVi: 'In thử – kiểm tra máy in',
    serviceNameEn: 'Test print – printer check',
    label: 'A000',
    issuedAt: at,
    timeZone,
    peopleAhead: 0,
    etaMinutes: 0,
    qrContent: 'https://example.invalid/in-thu',
    footer: 'Vé in thử, không có giá trị',
  };
}

/**
 * GET /api/status-link: the status link's base and its warnings. POST /api/printers/test {profileId}: prints a test ticket through that printer profile from the hub
 * (network and file printers; a USB printer on a kiosk prints from the kiosk). Admin only.
 */
export function createAdminApiFeature(ctx: FeatureContext): HubFeature {
  return {
    name: 'adminApi',
    routes: [
      // The base of the ticket QR's status link, and why phones might not open it (admin's kiosk settings).
      jsonRoute('GET /api/status-link', {
        handler: () => ({
          ok: true,
          ...checkStatusLink(ctx.engine.state.config.kiosk.statusBaseUrl, ctx.hubAddresses()),
        }),
      }),
      jsonRoute('POST /api/printers/test', {
        bodyLimit: 10_000,
        handler: async ({ body, reply }) => {
          const profile = ctx.engine.state.config.printerProfiles[body.profileId];
          if (!profile) return refuse(reply, 404, 'NOT_FOUND');
          const addressRefusal = await printerAddressRefusalNow(
            profile.transportUrl,
            printerAddressContext(ctx.options, ctx.engine.state.config),
          );
          if (addressRefusal) {
            const message = printerAddressMessages[addressRefusal];
            return { ok: false, code: 'PRINTER_BAD_CONFIG', message: message.vi, messageEn: message.en };
          }
          const { office } = ctx.engine.state.config;
          const { isPrinterError, printerErrorMessage, printTicket } = await loadPrinter();
          try {
            await printTicket(profile, testTicketPrintout(office.name, office.timeZone, ctx.engine.now()), {
              timeoutMs: 8000,
            });
            return { ok: true };
          } catch (error) {
            if (!isPrinterError(error)) throw error;
            const message = printerErrorMessage(error.code);
            return { ok: false, code: `PRINTER_${error.code}`, message: message.vi, messageEn: message.en };
          }
        },
      }),
    ],
    stop: () => undefined,
  };
}
