import { describe, expect, it } from 'vitest';
import {
  agePriorityProposal,
  ageOn,
  cardReaderMessageSchema,
  DEFAULT_ID_CARD_SETTINGS,
  holderGreeting,
  holderRequestSchema,
  idCardSettings,
} from './idCard.js';
import { kioskSettingsSchema } from './schemas.js';
import { defaultOfficeConfig } from './state.js';

const groups = defaultOfficeConfig().priority.groups;
const card = {
  idNumber: '001048012345',
  oldIdNumber: null,
  fullName: 'Nguyễn Văn An',
  birthDate: '1948-03-15',
  sex: 'male',
  address: '',
  issueDate: '2021-04-20',
};

describe('the reader message a kiosk accepts', () => {
  it('takes a card with the documented fields and fills what a reader leaves out', () => {
    const parsed = cardReaderMessageSchema.parse({
      type: 'card',
      card: { idNumber: '001048012345', fullName: ' Nguyễn  Văn An ', birthDate: '1948-03-15' },
    });
    expect(parsed).toEqual({
      type: 'card',
      card: { ...card, sex: null, issueDate: null },
    });
  });

  it('refuses a card with a short ID number, an impossible birth date, a missing name or unknown fields', () => {
    const bad = [
      { ...card, idNumber: '12345' },
      { ...card, birthDate: '1948-02-30' },
      { ...card, birthDate: '15/03/1948' },
      { ...card, fullName: '   ' },
      { ...card, photo: 'base64…' },
    ];
    for (const badCard of bad)
      expect(cardReaderMessageSchema.safeParse({ type: 'card', card: badCard }).success).toBe(false);
    expect(cardReaderMessageSchema.safeParse({ type: 'hello' }).success).toBe(false);
  });

  it('reads an error with an unknown code as OTHER and a removed card as such', () => {
    expect(cardReaderMessageSchema.parse({ type: 'error', code: 'JAMMED' })).toEqual({
      type: 'error',
      code: 'OTHER',
      message: '',
    });
    expect(cardReaderMessageSchema.parse({ type: 'removed' })).toEqual({ type: 'removed' });
  });
});

describe('age priority from the card', () => {
  it('counts whole years, the birthday itself included', () => {
    expect(ageOn('1948-03-15', '2023-03-14')).toBe(74);
    expect(ageOn('1948-03-15', '2023-03-15')).toBe(75);
    expect(ageOn('1952-02-29', '2027-02-28')).toBe(74);
    expect(ageOn('1952-02-29', '2027-03-01')).toBe(75);
  });

  it('proposes the elderly group from 75 by default, and from the age the office sets', () => {
    expect(agePriorityProposal(card, '2023-03-14', DEFAULT_ID_CARD_SETTINGS, groups)).toBeNull();
    expect(agePriorityProposal(card, '2023-03-15', DEFAULT_ID_CARD_SETTINGS, groups)?.id).toBe('elderly');
    const sixty = { ...DEFAULT_ID_CARD_SETTINGS, priorityAge: 60 };
    expect(agePriorityProposal({ birthDate: '1966-12-03' }, '2026-12-03', sixty, groups)?.id).toBe('elderly');
    expect(agePriorityProposal({ birthDate: '1966-12-04' }, '2026-12-03', sixty, groups)).toBeNull();
  });

  it('proposes nothing when the office has no such group or chose none', () => {
    const none = { ...DEFAULT_ID_CARD_SETTINGS, agePriorityGroupId: null };
    expect(agePriorityProposal(card, '2026-12-03', none, groups)).toBeNull();
    const other = groups.filter((group) => group.id !== 'elderly');
    expect(agePriorityProposal(card, '2026-12-03', DEFAULT_ID_CARD_SETTINGS, other)).toBeNull();
  });
});

describe('the office settings', () => {
  it('keeps kiosk settings saved before the ID card valid, with nothing stored by default', () => {
    const before = kioskSettingsSchema.parse({
      footerText: '',
      showTicketWhenPrinterFails: true,
      idleSeconds: 45,
      statusBaseUrl: '',
    });
    expect(idCardSettings(before)).toEqual(DEFAULT_ID_CARD_SETTINGS);
    expect(DEFAULT_ID_CARD_SETTINGS.storeHolder).toBe(false);
    expect(DEFAULT_ID_CARD_SETTINGS.priorityAge).toBe(75);
    const bad = { ...before, idCard: { ...DEFAULT_ID_CARD_SETTINGS, priorityAge: 12 } };
    expect(kioskSettingsSchema.safeParse(bad).success).toBe(false);
    const noRetention = { ...before, idCard: { ...DEFAULT_ID_CARD_SETTINGS, retentionDays: 0 } };
    expect(kioskSettingsSchema.safeParse(noRetention).success).toBe(false);
  });

  it('greets by the card holder as Ông or Bà', () => {
    expect(holderGreeting({ fullName: 'Nguyễn Văn An', sex: 'male' }).vi).toBe('Xin chào Ông Nguyễn Văn An');
    expect(holderGreeting({ fullName: 'Trần Thị Bình', sex: 'female' }).vi).toBe('Xin chào Bà Trần Thị Bình');
    expect(holderGreeting({ fullName: 'Lê Minh', sex: null }).vi).toBe('Xin chào Ông/Bà Lê Minh');
  });

  it('lets only a ticket, a name and a 12-digit number reach the hub', () => {
    expect(holderRequestSchema.safeParse({ ticketId: 't1', fullName: 'A', idNumber: '001048012345' }).success).toBe(
      true,
    );
    expect(
      holderRequestSchema.safeParse({
        ticketId: 't1',
        fullName: 'A',
        idNumber: '001048012345',
        birthDate: '1948-03-15',
      }).success,
    ).toBe(false);
  });
});
