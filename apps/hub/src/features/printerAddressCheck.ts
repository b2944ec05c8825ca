import {
  allowedShareHosts,
  printerAddressRefusal,
  type OfficeConfig,
  type PrinterAddressContext,
  type PrinterAddressRefusal,
} from '@motcua/core';
import { realpath } from 'node:fs/promises';
import { dirname, relative, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HubOptions } from '../options.js';

/**
 * The hub's side of core's printer address rules: its data folder and the share hosts its operator and its
 * admin allowed. Built from the current config at each save and each print, never kept.
 */
export function printerAddressContext(
  options: Pick<HubOptions, 'dataDir' | 'printerShareHosts'>,
  config: OfficeConfig,
): PrinterAddressContext {
  return { dataDir: options.dataDir, shareHosts: allowedShareHosts(options.printerShareHosts, config) };
}

/** The real path of `path`, or of its nearest existing ancestor (a printer folder is created on first print). */
async function realExisting(path: string): Promise<string> {
  for (let current = path; ; current = dirname(current)) {
    try {
      const real = await realpath(current);
      return current === path ? real : `${real}/${relative(current, path)}`;
    } catch {
      if (dirname(current) === current) return path;
    }
  }
}

/**
 * Checked before every print, not only when the admin saves: an address stored before these rules, or a
 * symbolic link inside the data folder that points out of it, is refused here.
 */
export async function printerAddressRefusalNow(
  transportUrl: string,
  context: PrinterAddressContext,
): Promise<PrinterAddressRefusal | null> {
  const refusal = printerAddressRefusal(transportUrl, context);
  if (refusal || !/^file:/i.test(transportUrl.trim())) return refusal;
  const folder = fileURLToPath(transportUrl.trim());
  const [realFolder, realData] = await Promise.all([realExisting(folder), realExisting(context.dataDir)]);
  const inside = relative(realData, realFolder);
  return inside === '' || (!inside.startsWith('..') && !isAbsolute(inside)) ? null : 'fileOutsideData';
}
