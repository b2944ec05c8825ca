import { appointmentPolicySchema, defaultAppointmentPolicy, webhookSettingsSchema } from '@motcua/core';
import { describe, expect, it } from 'vitest';
import { validationMessage } from './validationMessage';

const labels = (path: readonly PropertyKey[]) =>
  path[0] === 'slotMinutes' ? { vi: 'Độ dài khung giờ (phút)', en: 'Slot length (minutes)' } : null;

describe('validationMessage', () => {
  it('names the box and the rule, in Vietnamese and English, and says what to do', () => {
    const issue = appointmentPolicySchema.safeParse({ ...defaultAppointmentPolicy, slotMinutes: 3 }).error?.issues[0];
    expect(validationMessage(issue, labels)).toEqual({
      vi: 'Độ dài khung giờ (phút): phải từ 5 trở lên. Hãy sửa ô này rồi bấm Lưu.',
      en: 'Slot length (minutes): must be at least 5. Correct this box, then save.',
    });
  });

  it('reads string lengths, whole numbers and URLs', () => {
    const none = () => null;
    const secret = webhookSettingsSchema.safeParse({ url: '', secret: 'short', notifyAhead: 1, enabled: true });
    expect(validationMessage(secret.error?.issues[0], none).vi).toBe(
      'secret: cần ít nhất 16 ký tự. Hãy sửa ô này rồi bấm Lưu.',
    );
    const url = webhookSettingsSchema.safeParse({
      url: 'ftp://x',
      secret: 'x'.repeat(16),
      notifyAhead: 1,
      enabled: true,
    });
    expect(validationMessage(url.error?.issues[0], none).vi).toContain('không đúng định dạng');
    const half = appointmentPolicySchema.safeParse({ ...defaultAppointmentPolicy, daysAhead: 1.5 });
    expect(validationMessage(half.error?.issues[0], none).en).toContain('must be a whole number');
  });
});
