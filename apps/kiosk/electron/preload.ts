import { contextBridge, ipcRenderer } from 'electron';
import type { KioskBridge } from '../src/kioskBridge.js';
import { KIOSK_IPC } from './ipc.js';

/** One typed object for the renderer; it gets no Node or Electron API beyond these five calls. */
const bridge: KioskBridge = {
  print: (request) => ipcRenderer.invoke(KIOSK_IPC.print, request),
  printerStatus: () => ipcRenderer.invoke(KIOSK_IPC.printerStatus),
  getSettings: () => ipcRenderer.invoke(KIOSK_IPC.getSettings),
  saveSettings: (pin, settings) => ipcRenderer.invoke(KIOSK_IPC.saveSettings, pin, settings),
  setAdminPin: (pin, confirmation) => ipcRenderer.invoke(KIOSK_IPC.setAdminPin, pin, confirmation),
};

contextBridge.exposeInMainWorld('kioskBridge', bridge);
