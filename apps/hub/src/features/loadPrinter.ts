/**
 * The printer package (resvg, fonts) loads on the first print, not at start: a hub whose kiosks print
 * through their own shells never needs it in memory. Node's module cache keeps the one copy.
 */
export function loadPrinter(): Promise<typeof import('@motcua/printer')> {
  return import('@motcua/printer');
}
