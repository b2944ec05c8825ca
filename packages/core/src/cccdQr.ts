import { citizenCardSchema, type CitizenCard } from './idCard.js';

/**
 * The QR code on a chip citizen identity card (CCCD) and in VNeID, as the kiosk's scanner types it:
 * "ID number|old ID|full name|ddmmyyyy birth|sex|address|ddmmyyyy issue date", e.g.
 * "001048012345|012345678|Nguyễn Văn An|15031948|Nam|Số 1 Hoàng Mai, Hà Nội|20042021". Pure: the kiosk
 * parses it to propose age priority and greet the citizen; nothing of it is stored unless the office opts in.
 */
export type CccdQrProblem = 'NOT_CCCD_QR' | 'BAD_ID_NUMBER' | 'BAD_NAME' | 'BAD_BIRTH_DATE' | 'BAD_ISSUE_DATE';

export type CccdQrResult = { ok: true; card: CitizenCard } | { ok: false; problem: CccdQrProblem };

/** ddmmyyyy → YYYY-MM-DD when it is a real calendar day, else null. */
function cardDate(ddmmyyyy: string): string | null {
  const match = /^(\d{2})(\d{2})(\d{4})$/.exec(ddmmyyyy);
  if (!match) return null;
  const iso = `${match[3]}-${match[2]}-${match[1]}`;
  const day = new Date(Date.UTC(Number(match[3]), Number(match[2]) - 1, Number(match[1])));
  return day.toISOString().slice(0, 10) === iso ? iso : null;
}

/** The card's data, or why the scanned text is not a CCCD QR. */
export function parseCccdQr(text: string): CccdQrResult {
  const fields = text.trim().split('|');
  if (fields.length < 7) return { ok: false, problem: 'NOT_CCCD_QR' };
  const [idNumber = '', oldId = '', fullName = '', birth = '', sex = '', address = '', issued = ''] = fields.map((f) =>
    f.trim(),
  );
  if (!/^\d{12}$/.test(idNumber) || (oldId !== '' && !/^\d{9}$/.test(oldId))) {
    return { ok: false, problem: 'BAD_ID_NUMBER' };
  }
  const birthDate = cardDate(birth);
  const issueDate = cardDate(issued);
  const sexWord = sex.normalize('NFC').toLowerCase();
  const parsed = citizenCardSchema.safeParse({
    idNumber,
    oldIdNumber: oldId === '' ? null : oldId,
    fullName,
    birthDate: birthDate ?? '',
    sex: sexWord === 'nam' ? 'male' : sexWord === 'nữ' ? 'female' : null,
    address: address.normalize('NFC'),
    issueDate,
  });
  if (parsed.success) {
    if (!issueDate || issueDate < parsed.data.birthDate) return { ok: false, problem: 'BAD_ISSUE_DATE' };
    return { ok: true, card: parsed.data };
  }
  const path = parsed.error.issues[0]?.path[0];
  if (path === 'fullName') return { ok: false, problem: 'BAD_NAME' };
  if (path === 'birthDate') return { ok: false, problem: 'BAD_BIRTH_DATE' };
  if (path === 'issueDate') return { ok: false, problem: 'BAD_ISSUE_DATE' };
  return { ok: false, problem: 'NOT_CCCD_QR' };
}

/** Whether scanned text looks like a CCCD QR at all (the kiosk's scanner also reads dossier and booking codes). */
export function looksLikeCccdQr(text: string): boolean {
  return /^\s*\d{12}\|/.test(text);
}
