// Channel names only: the sandboxed preload imports this file and must not pull in Node modules.
/** The IPC channels between the preload bridge and the main process. */
export const COUNTER_IPC = {
  toggleCompact: 'counter:toggle-compact',
  notify: 'counter:notify',
  rememberCounter: 'counter:remember-counter',
  getStartAtLogin: 'counter:get-start-at-login',
  setStartAtLogin: 'counter:set-start-at-login',
  action: 'counter:action',
} as const;
