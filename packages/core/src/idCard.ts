import { z } from 'zod';
import { idSchema, type IdCardSettings, type KioskSettings, type PriorityGroup } from './schemas.js';

/**
 * A citizen's chip ID card (CCCD) as the kiosk knows it, from a card reader (docs/id-card-reader.md) or the
 * card's / VNeID's QR. It lives on the kiosk's screen only; the hub sees at most `holderRequestSchema`.
 */
const isoDay = z.iso.date();

export const citizenCardSchema = z.strictObject({
  /** The 12-digit personal identification number. */
  idNumber: z.string().regex(/^\d{12}$/),
  /** The 9-digit number of the earlier CMND, null when the card has none. */
  oldIdNumber: z
    .string()
    .regex(/^\d{9}$/)
    .nullable()
    .default(null),
  fullName: z
    .string()
    .transform((name) => name.normalize('NFC').trim().replace(/\s+/g, ' '))
    .pipe(z.string().min(1).max(100)),
  /** YYYY-MM-DD. */
  birthDate: isoDay,
  sex: z.enum(['male', 'female']).nullable().default(null),
  address: z.string().max(300).default(''),
  /** YYYY-MM-DD. */
  issueDate: isoDay.nullable().default(null),
});
export type CitizenCard = z.output<typeof citizenCardSchema>;

/** Why a reader could not give a card: shown to the citizen as "please try again or ask a staff member". */
export const cardReaderErrorCodes = ['READ_FAILED', 'CARD_NOT_SUPPORTED', 'READER_NOT_READY', 'OTHER'] as const;

/**
 * One message a card reader publishes on its local endpoint (Server-Sent Events, `event: <type>` with this as
 * the JSON `data`). Anything else the reader sends is ignored.
 */
export const cardReaderMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('card'), card: citizenCardSchema }),
  z.object({ type: z.literal('removed') }),
  z.object({
    type: z.literal('error'),
    code: z.enum(cardReaderErrorCodes).catch('OTHER'),
    message: z.string().max(500).default(''),
  }),
]);
export type CardReaderMessage = z.output<typeof cardReaderMessageSchema>;

/** The office's choices when it never made any: age priority from 75, greeting on, nothing stored. */
export const DEFAULT_ID_CARD_SETTINGS: IdCardSettings = {
  priorityAge: 75,
  agePriorityGroupId: 'elderly',
  greetByName: true,
  storeHolder: false,
  retentionDays: 30,
};

export function idCardSettings(kiosk: Pick<KioskSettings, 'idCard'>): IdCardSettings {
  return kiosk.idCard ?? DEFAULT_ID_CARD_SETTINGS;
}

/** Whole years of age on a service day (both YYYY-MM-DD): on the birthday itself the year counts. */
export function ageOn(birthDate: string, serviceDay: string): number {
  const years = Number(serviceDay.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return serviceDay.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

/**
 * The priority group the kiosk proposes to the card's holder on that day: the office's age group when the
 * holder has reached the office's age and the group exists; else null. The citizen still confirms it.
 */
export function agePriorityProposal(
  card: Pick<CitizenCard, 'birthDate'>,
  serviceDay: string,
  settings: IdCardSettings,
  groups: readonly PriorityGroup[],
): PriorityGroup | null {
  if (ageOn(card.birthDate, serviceDay) < settings.priorityAge) return null;
  return groups.find((group) => group.id === settings.agePriorityGroupId) ?? null;
}

/** How the kiosk greets the holder on its own screen: "Ông" or "Bà" by the card's sex, else both. */
export function holderGreeting(card: Pick<CitizenCard, 'fullName' | 'sex'>): { vi: string; en: string } {
  const title = card.sex === 'male' ? 'Ông' : card.sex === 'female' ? 'Bà' : 'Ông/Bà';
  return { vi: `Xin chào ${title} ${card.fullName}`, en: `Hello, ${card.fullName}` };
}

/**
 * `idCard.holder` (kiosk → hub, with an ack): the holder of a ticket this kiosk just issued. The hub keeps it
 * only when the office turned `storeHolder` on, as the name and a salted hash of the ID number.
 */
export const holderRequestSchema = z.strictObject({
  ticketId: idSchema,
  fullName: citizenCardSchema.shape.fullName,
  idNumber: citizenCardSchema.shape.idNumber,
});
export type HolderRequest = z.input<typeof holderRequestSchema>;
