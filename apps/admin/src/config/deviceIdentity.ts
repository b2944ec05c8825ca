import type { Device, PairingRecord } from '@motcua/core';

/** "  Máy  lấy số 1 " and "máy lấy số 1" are the same name: typed again after a reinstall, not a new machine. */
export function deviceNameKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
}

/** Devices a new pairing may take the place of: those of its kind that no pairing has replaced yet. */
export function replaceableDevices(
  kind: Device['kind'],
  devices: readonly Device[],
  pairings: readonly PairingRecord[],
): Device[] {
  const replaced = new Set(pairings.filter((p) => p.replacedBy !== null).map((p) => p.deviceId));
  return devices.filter((d) => d.kind === kind && !replaced.has(d.id));
}

/**
 * The identity rule for a re-pair: a pending device of the same kind and name as exactly one paired device that is
 * not connected now is that device asking again (its browser storage was cleared, or the machine was reinstalled or
 * swapped). A connected device of that name is another machine at work, and two candidates are left to the admin.
 */
export function deviceToReplace(
  pending: Pick<PairingRecord, 'deviceId' | 'kind' | 'name'>,
  devices: readonly Device[],
  pairings: readonly PairingRecord[],
): Device | null {
  const online = new Set(pairings.filter((p) => p.online).map((p) => p.deviceId));
  const key = deviceNameKey(pending.name);
  const candidates = replaceableDevices(pending.kind, devices, pairings).filter(
    (d) => d.id !== pending.deviceId && !online.has(d.id) && deviceNameKey(d.name) === key,
  );
  return candidates.length === 1 ? (candidates[0] ?? null) : null;
}
