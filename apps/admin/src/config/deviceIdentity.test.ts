import type { Device, PairingRecord } from '@motcua/core';
import { describe, expect, it } from 'vitest';
import { deviceToReplace } from './deviceIdentity';

const device = (id: string, name: string, kind: Device['kind'] = 'kiosk'): Device => ({
  id,
  kind,
  name,
  counterId: null,
  printerProfileId: null,
  revoked: false,
});
const pairing = (deviceId: string, extra: Partial<PairingRecord> = {}): PairingRecord => ({
  deviceId,
  kind: 'kiosk',
  name: '',
  pairingCode: '000000',
  status: 'approved',
  createdAt: 0,
  lastSeenAt: null,
  expiresAt: null,
  online: false,
  replacedBy: null,
  ...extra,
});
const asking = { deviceId: 'new', kind: 'kiosk', name: '  máy lấy số  SẢNH ' } as const;

describe('the identity rule for a re-pair', () => {
  it('is the one offline device of the same kind and name, however the name was typed', () => {
    const devices = [
      device('a', 'Máy lấy số sảnh'),
      device('b', 'Máy lấy số tầng 2'),
      device('c', 'Máy lấy số sảnh', 'display'),
    ];
    expect(deviceToReplace(asking, devices, [pairing('a'), pairing('b')])?.id).toBe('a');
  });

  it('is nobody when that device is connected, already replaced, or two devices share the name', () => {
    const devices = [device('a', 'Máy lấy số sảnh')];
    expect(deviceToReplace(asking, devices, [pairing('a', { online: true })])).toBeNull();
    expect(deviceToReplace(asking, devices, [pairing('a', { replacedBy: 'x' })])).toBeNull();
    const twins = [device('a', 'Máy lấy số sảnh'), device('b', 'Máy lấy số sảnh')];
    expect(deviceToReplace(asking, twins, [pairing('a'), pairing('b')])).toBeNull();
  });
});
