import {
  dossierLookupSchema,
  type DossierLookup,
  isSatisfied,
  ratingAnswerNames,
  ratingReasonName,
  type DossierVisit,
  type OfficeConfig,
} from '@motcua/core';
import type { FastifyReply } from 'fastify';
import { PassThrough } from 'node:stream';
import { fileRoute, jsonRoute } from '../net/routes.js';
import type { DossierStore } from './dossierStore.js';
import { featureError } from './featureError.js';
import { csvStream, download } from './exports.js';
import { serviceDayBounds, timeZoneOffsetMs, type ReportRange } from './reportsQueries.js';
import type { FeatureContext, HubFeature } from './types.js';

/** One visit for one dossier (core's `DossierVisit`: the JSON export's rows, typed once). */
export type { DossierVisit };

/** "2026-12-03T09:15:00+07:00": the office's wall clock with its offset, as dossier systems import it. */
export function officeIsoTime(at: number, offsetMs: number): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const minutes = Math.abs(offsetMs) / 60_000;
  const offset = `${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return `${new Date(at + offsetMs).toISOString().slice(0, 19)}${offset}`;
}

/** Every dossier visit of a range of service days, in the order the codes were attached. */
export async function* dossierVisits(
  store: DossierStore,
  config: OfficeConfig,
  range: ReportRange,
): AsyncGenerator<DossierVisit> {
  const { startsAt, endsAt } = serviceDayBounds(range, config.office);
  const offsetMs = timeZoneOffsetMs(startsAt, config.office.timeZone);
  const time = (at: number | null) => (at === null ? null : officeIsoTime(at, offsetMs));
  const span = (from: number | null, to: number | null) => (from === null || to === null ? null : (to - from) / 1000);
  for await (const row of store.visitsBetween(startsAt, endsAt)) {
    const service = config.services[row.serviceId];
    const info = config.procedures?.[row.serviceId];
    const field = service ? config.fields[service.fieldId] : undefined;
    const counter = row.counterId ? config.counters[row.counterId] : undefined;
    const clerk = row.clerkId ? config.users[row.clerkId] : undefined;
    yield {
      dossierCode: row.dossierCode,
      step: info?.returnsResults ? 'return' : 'receive',
      procedureCode: info?.catalogueCode || null,
      serviceCode: service?.code ?? row.serviceId,
      serviceName: service?.name.vi ?? row.serviceId,
      fieldName: field?.name.vi ?? '',
      ticketLabel: row.label,
      serviceDay: row.serviceDay,
      counterNumber: counter?.number ?? null,
      clerkName: clerk?.displayName ?? row.clerkId,
      issuedAt: officeIsoTime(row.issuedAt, offsetMs),
      calledAt: time(row.calledAt),
      startedAt: time(row.startedAt),
      finishedAt: row.status === 'finished' ? time(row.finishedAt) : null,
      waitingSeconds: span(row.issuedAt, row.calledAt),
      serviceSeconds: row.status === 'finished' ? span(row.startedAt ?? row.calledAt, row.finishedAt) : null,
      rating:
        row.ratingAnswer && row.ratingScale
          ? {
              answer: row.ratingAnswer,
              scale: row.ratingScale,
              label: ratingAnswerNames[row.ratingAnswer].vi,
              satisfied: isSatisfied({ scale: row.ratingScale, answer: row.ratingAnswer }),
              reasons: row.reasons,
              reasonNames: row.reasons.map((id) => ratingReasonName(config, id).vi),
              reasonText: row.reasonText,
            }
          : null,
    };
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
    v.rating ? [...v.rating.reasonNames, v.rating.reasonText].filter(Boolean).join('; ') : '',
  ];
}

const fileNameOf = (range: ReportRange, ext: string) => `ho-so_${range.from}_${range.to}.${ext}`;

async function writeDossierXlsx(
  ctx: FeatureContext,
  store: DossierStore,
  out: PassThrough,
  range: ReportRange,
): Promise<void> {
  const config = ctx.engine.state.config;
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = config.office.name;
  const sheet = workbook.addWorksheet('Hồ sơ');
  sheet.columns = DOSSIER_COLUMNS.map((name) => ({ header: name, width: Math.max(12, name.length + 2) }));
  sheet.getRow(1).font = { bold: true };
  for await (const visit of dossierVisits(store, config, range)) sheet.addRow(visitCells(visit)).commit();
  sheet.commit();
  await workbook.commit();
}

async function* dossierCells(
  store: DossierStore,
  config: OfficeConfig,
  range: ReportRange,
): AsyncGenerator<(string | number)[]> {
  for await (const visit of dossierVisits(store, config, range)) yield visitCells(visit);
}

async function dossiersJson(ctx: FeatureContext, store: DossierStore, range: ReportRange) {
  const config = ctx.engine.state.config;
  const dossiers: DossierVisit[] = [];
  for await (const visit of dossierVisits(store, config, range)) dossiers.push(visit);
  return {
    ok: true as const,
    format: 'motcua.dossier-visits/1' as const,
    office: config.office.name,
    timeZone: config.office.timeZone,
    range: { from: range.from, to: range.to },
    dossiers,
  };
}

function sendDossierFile(
  ctx: FeatureContext,
  store: DossierStore,
  reply: FastifyReply,
  range: ReportRange,
  format: 'csv' | 'xlsx',
): FastifyReply {
  const config = ctx.engine.state.config;
  if (format === 'csv') {
    return download(reply, 'text/csv; charset=utf-8', fileNameOf(range, 'csv')).send(
      csvStream(ctx, DOSSIER_COLUMNS, dossierCells(store, config, range)),
    );
  }
  const out = new PassThrough();
  writeDossierXlsx(ctx, store, out, range).catch((error: unknown) => {
    ctx.log.error({ err: error }, 'dossier xlsx export failed');
    out.destroy(error as Error);
  });
  return download(
    reply,
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    fileNameOf(range, 'xlsx'),
  ).send(out);
}

/** The first time a counter received this dossier (a result collection does not count as filing). */
export function lookUpDossier(store: DossierStore, config: OfficeConfig, dossierCode: string): DossierLookup {
  const filed = store.ticketsOfDossier(dossierCode).find((r) => !config.procedures?.[r.serviceId]?.returnsResults);
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

/**
 * Dossiers: `dossier.lookup` (socket; kiosks and staff) finds what a scanned code was filed for, and
 * GET /api/reports/dossiers.{json,csv,xlsx} gives per dossier the ticket's times and rating for the
 * provincial dossier system (docs/dossier-export.md).
 */
export function createDossiersFeature(ctx: FeatureContext, store: DossierStore): HubFeature {
  return {
    name: 'dossiers',
    routes: [
      jsonRoute('GET /api/reports/dossiers.json', { handler: ({ query }) => dossiersJson(ctx, store, query) }),
      fileRoute('GET /api/reports/dossiers.csv', {
        handler: ({ query, reply }) => sendDossierFile(ctx, store, reply, query, 'csv'),
      }),
      fileRoute('GET /api/reports/dossiers.xlsx', {
        handler: ({ query, reply }) => sendDossierFile(ctx, store, reply, query, 'xlsx'),
      }),
    ],
    socketHandlers: {
      // Who may look up (kiosks and staff) is core's `socketEventRoles`, checked by the hub's guard.
      'dossier.lookup': (request) => {
        const parsed = dossierLookupSchema.safeParse(request);
        if (!parsed.success) return featureError('BAD_REQUEST', { issue: parsed.error.issues[0]?.message ?? '' });
        return { ok: true, ...lookUpDossier(store, ctx.engine.state.config, parsed.data.dossierCode) };
      },
    },
    stop: () => undefined,
  };
}
