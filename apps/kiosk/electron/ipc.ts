/** IPC channel names shared by main and preload: one per bridge method. */
export const KIOSK_IPC = {
  print: 'kiosk:print',
  printerStatus: 'kiosk:printerStatus',
  getSettings: 'kiosk:getSettings',
  saveSettings: 'kiosk:saveSettings',
  setAdminPin: 'kiosk:setAdminPin',
} as const;
