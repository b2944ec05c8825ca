import type { PrintReply, TicketPrintout } from '@motcua/core';
import type { KioskDeviceSettings } from './deviceSettings';

export interface BridgePrintRequest {
  ticketId: string;
  reprint: boolean;
  /** Built by the renderer from the hub's state with core's ticketPrintout. */
  document: TicketPrintout;
  /** The hub's clock as the renderer knows it, for the reprint window. */
  hubNow: number;
}

export interface BridgePrinterStatus {
  status: 'ok' | 'paperNearEnd' | 'paperOut' | 'coverOpen' | 'offline' | 'error' | 'unknown' | 'notConfigured';
  message: { vi: string; en: string };
}

export type SaveSettingsReply =
  | { ok: true }
  | {
      ok: false;
      code: 'WRONG_PIN' | 'BAD_SETTINGS' | 'NO_PIN' | 'PIN_SET' | 'PIN_MISMATCH' | 'TOO_MANY_ATTEMPTS';
      message: string;
      messageEn: string;
    };

/** What the Electron preload exposes as `window.kioskBridge`; absent in a plain browser. */
export interface KioskBridge {
  print(request: BridgePrintRequest): Promise<PrintReply>;
  printerStatus(): Promise<BridgePrinterStatus>;
  /** The settings, with `hubUrl` filled in from mDNS discovery when it was empty; `pinSet` false at the first start. */
  getSettings(): Promise<KioskDeviceSettings & { pinSet: boolean }>;
  saveSettings(pin: string, settings: KioskDeviceSettings): Promise<SaveSettingsReply>;
  /** First start only: sets the settings PIN, typed twice. */
  setAdminPin(pin: string, confirmation: string): Promise<SaveSettingsReply>;
}

declare global {
  interface Window {
    kioskBridge?: KioskBridge;
  }
}

export function kioskBridge(): KioskBridge | null {
  return typeof window !== 'undefined' && window.kioskBridge ? window.kioskBridge : null;
}
