import { describe, expect, it } from 'vitest';
import { looksLikeCccdQr, parseCccdQr } from './cccdQr.js';

const SAMPLE = '001048012345|012345678|Nguyễn Văn  An|15031948|Nam|Số 1 Hoàng Mai, Hà Nội|20042021';

describe('the CCCD / VNeID QR', () => {
  it('reads the seven fields the scanner types', () => {
    expect(parseCccdQr(`${SAMPLE}\r\n`)).toEqual({
      ok: true,
      card: {
        idNumber: '001048012345',
        oldIdNumber: '012345678',
        fullName: 'Nguyễn Văn An',
        birthDate: '1948-03-15',
        sex: 'male',
        address: 'Số 1 Hoàng Mai, Hà Nội',
        issueDate: '2021-04-20',
      },
    });
    const noOldId = parseCccdQr('079190000001||Trần Thị Bình|29021992|Nữ|Quận 1, TP. Hồ Chí Minh|01072021');
    expect(noOldId).toMatchObject({ ok: true, card: { oldIdNumber: null, sex: 'female', birthDate: '1992-02-29' } });
  });

  it('reads a name typed in decomposed Unicode as the composed one', () => {
    const decomposed = SAMPLE.replace('Nguyễn Văn  An', 'Nguyễn Văn An'.normalize('NFD'));
    expect(parseCccdQr(decomposed)).toMatchObject({ ok: true, card: { fullName: 'Nguyễn Văn An' } });
  });

  it('refuses what is not a card: other codes, wrong numbers, days that do not exist', () => {
    expect(parseCccdQr('H40.99-250703-0001')).toEqual({ ok: false, problem: 'NOT_CCCD_QR' });
    expect(parseCccdQr(SAMPLE.replace('001048012345', '00104801234'))).toEqual({ ok: false, problem: 'BAD_ID_NUMBER' });
    expect(parseCccdQr(SAMPLE.replace('012345678', '0123'))).toEqual({ ok: false, problem: 'BAD_ID_NUMBER' });
    expect(parseCccdQr(SAMPLE.replace('Nguyễn Văn  An', ' '))).toEqual({ ok: false, problem: 'BAD_NAME' });
    expect(parseCccdQr(SAMPLE.replace('15031948', '30021948'))).toEqual({ ok: false, problem: 'BAD_BIRTH_DATE' });
    expect(parseCccdQr(SAMPLE.replace('15031948', '1948'))).toEqual({ ok: false, problem: 'BAD_BIRTH_DATE' });
    expect(parseCccdQr(SAMPLE.replace('20042021', '20041940'))).toEqual({ ok: false, problem: 'BAD_ISSUE_DATE' });
    expect(parseCccdQr(SAMPLE.replace('20042021', '32042021'))).toEqual({ ok: false, problem: 'BAD_ISSUE_DATE' });
  });

  it('tells a card QR from the dossier and booking codes the same scanner reads', () => {
    expect(looksLikeCccdQr(SAMPLE)).toBe(true);
    expect(looksLikeCccdQr('H40.99-250703-0001')).toBe(false);
    expect(looksLikeCccdQr('001048012345')).toBe(false);
  });
});
