/**
 * The printer package (resvg, fonts) loads on the first print, not at start: a hub whose kiosks print
 * through their own shells never needs it in memory.
 */
let printer: Promise<typeof import('@motcua/printer')> | null = null;

export function loadPrinter(): Promise<typeof import('@motcua/printer')> {
  printer ??= import('@motcua/printer');
  return printer;
}
