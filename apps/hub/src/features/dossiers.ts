import { dossierCodeSchema, ratingScoreNames, type Actor, type OfficeConfig, type RatingScore } from '@motcua/core';
import type { FastifyReply } from 'fastify';
import { PassThrough } from 'node:stream';
import { z } from 'zod';
import { defineRoute } from '../net/routes.js';
import type { Db } from '../store/openDatabase.js';
import { csvStream, download } from './exports.js';
import { reportRangeSchema } from './reports.js';
import { serviceDayBounds, timeZoneOffsetMs, yieldToEventLoop, type ReportRange } from './reportsQueries.js';
import type { HubContext, HubFeature } from './types.js';

/** One visit for one dossier: the dossier's code with the ticket that brought it to a counter. */
export interface DossierVisit {
  dossierCode: string;
  /** `receive`: the dossier was filed (tiếp nhận); `return`: its result was collected (trả kết quả). */
  step: 'receive' | 'return';
  /** Mã TTHC in the national catalogue, null when the office has not set it. */
  procedureCode: string | null;
  serviceCode: string;
  serviceName: string;
  fieldName: string;
  ticketLabel: string;
  serviceDay: string;
  counterNumber: number | null;
  clerkName: string | null;
  /** ISO 8601 in the office's time zone, e.g. "2026-12-03T09:15:00+07:00"; null when it did not happen. */
  issuedAt: string;
  calledAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  waitingSeconds: number | null;
  serviceSeconds: number | null;
  /** The citizen's answer on the rating pad, null when they did not rate. */
  rating: { answer: RatingScore; label: string; satisfied: boolean; reasons: string[] } | null;
}

interface VisitRow {
  seq: number;
  dossier_code: string;
  label: string;
  service_day: string;
  service_id: string;
  counter_id: string | null;
  clerk_id: string | null;
  issued_at: number;
  called_at: number | null;
  started_at: number | null;
  finished_at: number | null;
  status: string;
  score: RatingScore | null;
  reasons: string | null;
}

const PAGE_SIZE = 2000;
const SATISFIED: readonly RatingScore[] = ['verySatisfied', 'satisfied'];

/** "2026-12-03T09:15:00+07:00": the office's wall clock with its offset, as dossier systems import it. */
export function officeIsoTime(at: number, offsetMs: number): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const minutes = Math.abs(offsetMs) / 60_000;
  const offset = `${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return `${new Date(at + offsetMs).toISOString().slice(0, 19)}${offset}`;
}

/**
 * Every dossier visit of a range of service days, in the order the codes were attached. Read from the
 * event log (the truth) joined with the ticket and rating projections, page by page.
 */
export async function* dossierVisits(db: Db, config: OfficeConfig, range: ReportRange): AsyncGenerator<DossierVisit> {
  const { startsAt, endsAt } = serviceDayBounds(range, config.office);
  const offsetMs = timeZoneOffsetMs(startsAt, config.office.timeZone);
  const page = db.prepare(
    `SELECT e.seq AS seq, json_extract(e.payload, '$.dossierCode') AS dossier_code, t.label, t.service_day,
       t.service_id, t.counter_id, t.clerk_id, t.issued_at, t.called_at, t.started_at, t.finished_at, t.status,
       r.score, r.reasons
     FROM events e
     JOIN tickets t ON t.id = json_extract(e.payload, '$.ticketId')
     LEFT JOIN ratings r ON r.ticket_id = t.id
     WHERE e.type = 'ticket.dossierAttached' AND e.at >= ? AND e.at < ? AND e.seq > ?
     ORDER BY e.seq LIMIT ?`,
  );
  const time = (at: number | null) => (at === null ? null : officeIsoTime(at, offsetMs));
  const span = (from: number | null, to: number | null) => (from === null || to === null ? null : (to - from) / 1000);
  let lastSeq = 0;
  for (;;) {
    const rows = page.all(startsAt, endsAt, lastSeq, PAGE_SIZE) as VisitRow[];
    for (const row of rows) {
      const service = config.services[row.service_id];
      const info = config.procedures?.[row.service_id];
      const field = service ? config.fields[service.fieldId] : undefined;
      const counter = row.counter_id ? config.counters[row.counter_id] : undefined;
      const clerk = row.clerk_id ? config.users[row.clerk_id] : undefined;
      yield {
        dossierCode: row.dossier_code,
        step: info?.returnsResults ? 'return' : 'receive',
        procedureCode: info?.catalogueCode || null,
        serviceCode: service?.code ?? row.service_id,
        serviceName: service?.name.vi ?? row.service_id,
        fieldName: field?.name.vi ?? '',
        ticketLabel: row.label,
        serviceDay: row.service_day,
        counterNumber: counter?.number ?? null,
        clerkName: clerk?.displayName ?? row.clerk_id,
        issuedAt: officeIsoTime(row.issued_at, offsetMs),
        calledAt: time(row.called_at),
        startedAt: time(row.started_at),
        finishedAt: row.status === 'finished' ? time(row.finished_at) : null,
        waitingSeconds: span(row.issued_at, row.called_at),
        serviceSeconds: row.status === 'finished' ? span(row.started_at ?? row.called_at, row.finished_at) : null,
        rating: row.score
          ? {
              answer: row.score,
              label: ratingScoreNames[row.score].vi,
              satisfied: SATISFIED.includes(row.score),
              reasons: JSON.parse(row.reasons ?? '[]') as string[],
            }
          : null,
      };
    }
    const last = rows.at(-1);
    if (!last || rows.length < PAGE_SIZE) return;
    lastSeq = last.seq;
    await yieldToEventLoop();
  }
}

/** The columns of the per-dossier sheet, in the order of `DossierVisit`. */
export const DOSSIER_COLUMNS = [
  'Mã hồ sơ',
  'Bước',
  'Mã TTHC',
  'Mã thủ tục (cơ quan)',
  'Thủ tục',
  'Lĩnh vực',
  'Số thứ tự',
  'Ngày làm việc',
  'Quầy',
  'Cán bộ',
  'Giờ lấy số',
  'Giờ gọi',
  'Giờ bắt đầu',
  'Giờ kết thúc',
  'Thời gian chờ (giây)',
  'Thời gian phục vụ (giây)',
  'Đánh giá',
  'Hài lòng',
  'Lý do',
] as const;

function visitCells(v: DossierVisit): (string | number)[] {
  return [
    v.dossierCode,
    v.step === 'return' ? 'Trả kết quả' : 'Tiếp nhận',
    v.procedureCode ?? '',
    v.serviceCode,
    v.serviceName,
    v.fieldName,
    v.ticketLabel,
    v.serviceDay,
    v.counterNumber ?? '',
    v.clerkName ?? '',
    v.issuedAt,
    v.calledAt ?? '',
    v.startedAt ?? '',
    v.finishedAt ?? '',
    v.waitingSeconds ?? '',
    v.serviceSeconds ?? '',
    v.rating?.label ?? '',
    v.rating ? (v.rating.satisfied ? 'Có' : 'Không') : '',
    v.rating?.reasons.join('; ') ?? '',
  ];
}

const fileNameOf = (range: ReportRange, ext: string) => `ho-so_${range.from}_${range.to}.${ext}`;

async function writeDossierXlsx(ctx: HubContext, out: PassThrough, range: ReportRange): Promise<void> {
  const config = ctx.engine.state.config;
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = config.office.name;
  const sheet = workbook.addWorksheet('Hồ sơ');
  sheet.columns = DOSSIER_COLUMNS.map((name) => ({ header: name, width: Math.max(12, name.length + 2) }));
  sheet.getRow(1).font = { bold: true };
  for await (const visit of dossierVisits(ctx.db, config, range)) sheet.addRow(visitCells(visit)).commit();
  sheet.commit();
  await workbook.commit();
}

async function* dossierCells(ctx: HubContext, range: ReportRange): AsyncGenerator<(string | number)[]> {
  for await (const visit of dossierVisits(ctx.db, ctx.engine.state.config, range)) yield visitCells(visit);
}

async function sendDossiers(
  ctx: HubContext,
  reply: FastifyReply,
  range: ReportRange,
  format: 'json' | 'csv' | 'xlsx',
): Promise<unknown> {
  const config = ctx.engine.state.config;
  if (format === 'json') {
    const dossiers: DossierVisit[] = [];
    for await (const visit of dossierVisits(ctx.db, config, range)) dossiers.push(visit);
    return {
      ok: true,
      format: 'motcua.dossier-visits/1',
      office: config.office.name,
      timeZone: config.office.timeZone,
      range,
      dossiers,
    };
  }
  if (format === 'csv') {
    return download(reply, 'text/csv; charset=utf-8', fileNameOf(range, 'csv')).send(
      csvStream(ctx, DOSSIER_COLUMNS, dossierCells(ctx, range)),
    );
  }
  const out = new PassThrough();
  writeDossierXlsx(ctx, out, range).catch((error: unknown) => {
    ctx.log.error({ err: error }, 'dossier xlsx export failed');
    out.destroy(error as Error);
  });
  return download(
    reply,
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    fileNameOf(range, 'xlsx'),
  ).send(out);
}

export const dossierLookupSchema = z.strictObject({ dossierCode: dossierCodeSchema });

/** What the kiosk shows for a dossier code: the procedure it was filed for and when, or nothing known. */
export interface DossierLookup {
  dossierCode: string;
  filed: { serviceId: string; serviceName: { vi: string; en: string }; serviceDay: string } | null;
}

/** The first time a counter received this dossier (a result collection does not count as filing). */
export function lookUpDossier(db: Db, config: OfficeConfig, dossierCode: string): DossierLookup {
  const rows = db
    .prepare(
      `SELECT t.service_id AS serviceId, t.service_day AS serviceDay
       FROM events e JOIN tickets t ON t.id = json_extract(e.payload, '$.ticketId')
       WHERE e.type = 'ticket.dossierAttached' AND json_extract(e.payload, '$.dossierCode') = ?
       ORDER BY e.seq`,
    )
    .all(dossierCode) as { serviceId: string; serviceDay: string }[];
  const filed = rows.find((r) => !config.procedures?.[r.serviceId]?.returnsResults);
  if (!filed) return { dossierCode, filed: null };
  const service = config.services[filed.serviceId];
  return {
    dossierCode,
    filed: {
      serviceId: filed.serviceId,
      serviceName: service?.name ?? { vi: filed.serviceId, en: '' },
      serviceDay: filed.serviceDay,
    },
  };
}

const LOOKUP_ROLES = new Set(['kiosk', 'clerk', 'supervisor', 'admin']);

function mayLookUp(actor: Actor): boolean {
  if (actor.kind === 'device') return LOOKUP_ROLES.has(actor.deviceKind);
  return actor.kind === 'user' && LOOKUP_ROLES.has(actor.role);
}

/**
 * Dossiers: `dossier.lookup` (socket; kiosks and staff) finds what a scanned code was filed for, and
 * GET /api/reports/dossiers.{json,csv,xlsx} gives per dossier the ticket's times and rating for the
 * provincial dossier system (docs/dossier-export.md).
 */
export const dossiersFeature: HubFeature = {
  name: 'dossiers',
  routes: (ctx) =>
    (['json', 'csv', 'xlsx'] as const).map((format) =>
      defineRoute({
        method: 'GET',
        url: `/api/reports/dossiers.${format}`,
        query: reportRangeSchema,
        handler: ({ query, reply }) => sendDossiers(ctx, reply, query, format),
      }),
    ),
  onConnection(socket, ctx, api) {
    api.handle(socket, 'dossier.lookup', (request, actor) => {
      if (!mayLookUp(actor)) return api.error(actor.kind === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      const parsed = dossierLookupSchema.safeParse(request);
      if (!parsed.success) return api.error('BAD_REQUEST', { issue: parsed.error.issues[0]?.message ?? '' });
      return { ok: true, ...lookUpDossier(ctx.db, ctx.engine.state.config, parsed.data.dossierCode) };
    });
  },
};
