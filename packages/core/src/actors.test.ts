import { describe, expect, it } from 'vitest';
import { actorRef, deviceIdOfRef } from './actors.js';
import { admin, kiosk, system } from './testkit.js';

describe('actor references', () => {
  it('give back the device id of a device, and null for anyone else', () => {
    expect(deviceIdOfRef(actorRef(kiosk))).toBe('kiosk-1');
    expect(deviceIdOfRef(actorRef(admin))).toBeNull();
    expect(deviceIdOfRef(actorRef(system))).toBeNull();
    expect(deviceIdOfRef('anonymous')).toBeNull();
  });
});
