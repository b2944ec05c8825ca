import { etaErrorSeconds, ratingScoreNames, type OfficeConfig, type TicketStatus } from '@motcua/core';
import { stringify, type Stringifier } from 'csv-stringify';
import type { FastifyReply } from 'fastify';
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { defineRoute } from '../net/routes.js';
import { reportRangeSchema } from './reports.js';
import type { ReportStore } from './reportStore.js';
import { serviceDayBounds, timeZoneOffsetMs, type ReportRange, type ReportSummary } from './reportsQueries.js';
import type { FeatureContext, HubFeature } from './types.js';

export const TICKET_STATUS_NAMES: Record<TicketStatus, string> = {
  waiting: 'Đang chờ',
  called: 'Đã gọi',
  serving: 'Đang phục vụ',
  parked: 'Tạm gác',
  noShow: 'Vắng mặt',
  finished: 'Đã phục vụ',
  cancelled: 'Đã hủy',
  expired: 'Hết hạn',
};

/** The columns of the ticket list, Vietnamese headers as the office's staff read them in Excel. */
export const TICKET_COLUMNS = [
  'Số thứ tự',
  'Ngày làm việc',
  'Mã thủ tục',
  'Thủ tục',
  'Lĩnh vực',
  'Quầy',
  'Cán bộ',
  'Trạng thái',
  'Giờ lấy số',
  'Giờ gọi',
  'Giờ bắt đầu',
  'Giờ kết thúc',
  'Thời gian chờ (giây)',
  'Thời gian đến quầy (giây)',
  'Thời gian phục vụ (giây)',
  'Đánh giá',
  'Thời gian chờ dự kiến khi lấy số (phút)',
  'Sai lệch dự kiến (giây)',
] as const;

/**
 * Every ticket of the range as spreadsheet cells, in issue order, times in the office's clock.
 */
export async function* ticketRows(
  store: ReportStore,
  range: ReportRange,
  config: OfficeConfig,
): AsyncGenerator<(string | number)[]> {
  const { startsAt } = serviceDayBounds(range, config.office);
  const offsetMs = timeZoneOffsetMs(startsAt, config.office.timeZone);
  const clock = (at: number | null) =>
    at === null ? '' : new Date(at + offsetMs).toISOString().slice(0, 19).replace('T', ' ');
  const span = (from: number | null, to: number | null) => (from === null || to === null ? '' : (to - from) / 1000);
  for await (const t of store.ticketsInRange(range)) {
    const service = config.services[t.serviceId];
    const field = service ? config.fields[service.fieldId] : undefined;
    const counter = t.counterId ? config.counters[t.counterId] : undefined;
    const clerk = t.clerkId ? config.users[t.clerkId] : undefined;
    const status = t.status === 'expired' && t.finishedAt !== null ? 'noShow' : t.status;
    yield [
      t.label,
      t.serviceDay,
      service?.code ?? t.serviceId,
      service?.name.vi ?? t.serviceId,
      field?.name.vi ?? '',
      counter ? counter.number : '',
      clerk?.displayName ?? t.clerkId ?? '',
      TICKET_STATUS_NAMES[status],
      clock(t.issuedAt),
      clock(t.calledAt),
      clock(t.startedAt),
      clock(t.finishedAt),
      span(t.issuedAt, t.calledAt),
      span(t.calledAt, t.startedAt),
      t.status === 'finished' ? span(t.startedAt, t.finishedAt) : '',
      t.score ? ratingScoreNames[t.score].vi : '',
      t.etaMinutes ?? '',
      etaErrorSeconds({ issuedAt: t.issuedAt, calledAt: t.calledAt, etaMinutes: t.etaMinutes }) ?? '',
    ];
  }
}

const round = (value: number | null) => (value === null ? '' : Math.round(value * 10) / 10);

/** The summary sheet: one line per service with counts, times and the satisfaction index, then the totals. */
function summaryRows(summary: ReportSummary, config: OfficeConfig): (string | number)[][] {
  const rows: (string | number)[][] = [];
  const keys = summary.byService.map((s) => s.key);
  for (const key of [...keys, '']) {
    const counts = key === '' ? summary.totals : summary.byService.find((s) => s.key === key);
    const waiting = key === '' ? summary.waiting.overall : summary.waiting.byService.find((s) => s.key === key);
    const service = key === '' ? summary.service.overall : summary.service.byService.find((s) => s.key === key);
    const satisfaction =
      key === '' ? summary.satisfaction.overall : summary.satisfaction.byService.find((s) => s.key === key);
    const etaError = key === '' ? summary.etaError.overall : summary.etaError.byService.find((s) => s.key === key);
    rows.push([
      key === '' ? 'Tổng cộng' : (config.services[key]?.name.vi ?? key),
      counts?.issued ?? 0,
      counts?.served ?? 0,
      counts?.noShow ?? 0,
      counts?.cancelled ?? 0,
      counts?.expired ?? 0,
      round(waiting?.meanSeconds ?? null),
      round(waiting?.medianSeconds ?? null),
      round(waiting?.p90Seconds ?? null),
      round(service?.meanSeconds ?? null),
      satisfaction?.ratings ?? 0,
      round(satisfaction?.index ?? null),
      round(etaError?.medianSeconds ?? null),
      round(etaError?.p90Seconds ?? null),
    ]);
  }
  return rows;
}

export const SUMMARY_COLUMNS = [
  'Thủ tục',
  'Số vé đã cấp',
  'Đã phục vụ',
  'Vắng mặt',
  'Đã hủy',
  'Hết hạn',
  'Chờ trung bình (giây)',
  'Chờ trung vị (giây)',
  'Chờ p90 (giây)',
  'Phục vụ trung bình (giây)',
  'Số lượt đánh giá',
  'Chỉ số hài lòng (%)',
  'Sai lệch dự kiến trung vị (giây)',
  'Sai lệch dự kiến p90 (giây)',
] as const;

/** The ETA error sheet: one line per service day and service. */
export const ETA_ERROR_COLUMNS = [
  'Ngày làm việc',
  'Thủ tục',
  'Số vé có thời gian dự kiến',
  'Sai lệch trung vị (giây)',
  'Sai lệch p90 (giây)',
] as const;

function etaErrorRows(summary: ReportSummary, config: OfficeConfig): (string | number)[][] {
  return summary.etaError.byDayAndService.map((row) => {
    const [serviceDay = '', serviceId = ''] = row.key.split(' ');
    return [
      serviceDay,
      config.services[serviceId]?.name.vi ?? serviceId,
      row.count,
      round(row.medianSeconds),
      round(row.p90Seconds),
    ];
  });
}

function fileName(range: ReportRange, ext: string): string {
  return `bao-cao-mot-cua_${range.from}_${range.to}.${ext}`;
}

/** Headers of a file download the browser saves under the report's name. */
export function download(reply: FastifyReply, type: string, name: string): FastifyReply {
  return reply
    .type(type)
    .header('Content-Disposition', `attachment; filename="${name}"`)
    .header('Cache-Control', 'no-store');
}

/** Writes the workbook into `out` row by row (exceljs streaming), so a year of tickets never sits in memory. */
async function writeXlsx(ctx: FeatureContext, store: ReportStore, out: PassThrough, range: ReportRange): Promise<void> {
  const config = ctx.engine.state.config;
  const summary = await store.summary(config, range, ctx.engine.now());
  // Loaded on first export: exceljs is large and most hubs export rarely.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = config.office.name;
  const summarySheet = workbook.addWorksheet('Tổng hợp');
  summarySheet.addRow([`${config.office.name} — báo cáo từ ${range.from} đến ${range.to}`]).commit();
  const header = summarySheet.addRow([...SUMMARY_COLUMNS]);
  header.font = { bold: true };
  header.commit();
  for (const row of summaryRows(summary, config)) summarySheet.addRow(row).commit();
  summarySheet.commit();

  const etaSheet = workbook.addWorksheet('Sai lệch dự kiến');
  etaSheet.addRow(['|Thời gian chờ dự kiến khi lấy số − thời gian chờ thực tế|, theo ngày và thủ tục']).commit();
  const etaHeader = etaSheet.addRow([...ETA_ERROR_COLUMNS]);
  etaHeader.font = { bold: true };
  etaHeader.commit();
  for (const row of etaErrorRows(summary, config)) etaSheet.addRow(row).commit();
  etaSheet.commit();

  const ticketSheet = workbook.addWorksheet('Danh sách vé');
  ticketSheet.columns = TICKET_COLUMNS.map((name) => ({ header: name, width: Math.max(12, name.length + 2) }));
  ticketSheet.getRow(1).font = { bold: true };
  for await (const row of ticketRows(store, range, config)) ticketSheet.addRow(row).commit();
  ticketSheet.commit();
  await workbook.commit();
}

/**
 * The ticket list as CSV. `escape_formulas` puts a quote before a cell starting with = + - @ tab or CR,
 * so a service or clerk name typed as "=HYPERLINK(…)" stays text when the file is opened in Excel.
 */
async function writeCsv(csv: Stringifier, rows: AsyncIterable<(string | number)[]>): Promise<void> {
  for await (const row of rows) {
    if (!csv.write(row)) await once(csv, 'drain');
  }
  csv.end();
}

/**
 * A CSV stream of `rows` under a header line (Excel-friendly: BOM, CRLF, formulas escaped). A failure
 * half-way is logged and ends the download as broken rather than as a short file that looks complete.
 */
export function csvStream(
  ctx: FeatureContext,
  columns: readonly string[],
  rows: AsyncIterable<(string | number)[]>,
): Stringifier {
  // The BOM makes Excel read the file as UTF-8, so Vietnamese letters show correctly.
  const csv = stringify({ bom: true, record_delimiter: 'windows', escape_formulas: true });
  csv.write([...columns]);
  writeCsv(csv, rows).catch((error: unknown) => {
    ctx.log.error({ err: error }, 'csv export failed');
    csv.destroy(error as Error);
  });
  return csv;
}

/** GET /api/reports/export.xlsx and .csv: the report of a range, streamed, with no row cap. */
export function createExportsFeature(ctx: FeatureContext, store: ReportStore): HubFeature {
  return {
    name: 'exports',
    routes: [
      defineRoute({
        method: 'GET',
        url: '/api/reports/export.xlsx',
        query: reportRangeSchema,
        handler: ({ query, reply }) => {
          const out = new PassThrough();
          writeXlsx(ctx, store, out, query).catch((error: unknown) => {
            ctx.log.error({ err: error }, 'xlsx export failed');
            out.destroy(error as Error);
          });
          return download(
            reply,
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            fileName(query, 'xlsx'),
          ).send(out);
        },
      }),
      defineRoute({
        method: 'GET',
        url: '/api/reports/export.csv',
        query: reportRangeSchema,
        handler: ({ query, reply }) =>
          download(reply, 'text/csv; charset=utf-8', fileName(query, 'csv')).send(
            csvStream(ctx, TICKET_COLUMNS, ticketRows(store, query, ctx.engine.state.config)),
          ),
      }),
    ],
    stop: () => undefined,
  };
}
