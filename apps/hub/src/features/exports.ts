import {
  etaErrorSeconds,
  formatDayVi,
  ratingAnswerNames,
  type OfficeConfig,
  type OutcomeCounts,
  type TicketStatus,
} from '@motcua/core';
import { stringify, type Stringifier } from 'csv-stringify';
import type { FastifyReply } from 'fastify';
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { fileRoute } from '../net/routes.js';
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

/**
 * A cell of an export: text, a number, an instant (shown in the office's clock), a service day, or a
 * duration. The xlsx gets real date, time and duration cells; the CSV gets text Vietnamese Excel reads
 * (dd/mm/yyyy, durations as whole seconds or h:mm:ss).
 */
export type ExportCell =
  string | number | null | { instant: number; offsetMs: number } | { day: string } | { seconds: number };

/** The columns of the ticket list, Vietnamese headers as the office's staff read them in Excel. */
export const TICKET_COLUMNS = [
  'Số thứ tự',
  'Ngày làm việc',
  'Mã thủ tục',
  'Thủ tục',
  'Lĩnh vực',
  'Đối tượng ưu tiên',
  'Quầy',
  'Cán bộ',
  'Trạng thái',
  'Giờ lấy số',
  'Giờ gọi',
  'Giờ bắt đầu',
  'Giờ kết thúc',
  'Thời gian chờ',
  'Thời gian đến quầy',
  'Thời gian phục vụ',
  'Đánh giá',
  'Thời gian chờ dự kiến khi lấy số (phút)',
  'Sai lệch dự kiến',
] as const;

export interface CsvFormat {
  /** Vietnamese Excel (comma as the decimal mark) opens `;`-separated files into columns. */
  delimiter: ',' | ';';
  durations: 'seconds' | 'hms';
}

const pad = (n: number) => String(n).padStart(2, '0');

/** h:mm:ss of a number of seconds (whole seconds). */
export function hms(totalSeconds: number): string {
  const s = Math.round(totalSeconds);
  return `${Math.floor(s / 3600)}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

/** A cell as CSV text. */
export function csvCell(cell: ExportCell, format: CsvFormat): string | number {
  if (cell === null) return '';
  if (typeof cell !== 'object') return cell;
  if ('day' in cell) return formatDayVi(cell.day);
  if ('seconds' in cell) return format.durations === 'hms' ? hms(cell.seconds) : Math.round(cell.seconds);
  const local = new Date(cell.instant + cell.offsetMs).toISOString();
  return `${formatDayVi(local.slice(0, 10))} ${local.slice(11, 19)}`;
}

/** A cell as an exceljs value: dates and times as Excel dates (in the office's clock), durations in days. */
function xlsxCell(cell: ExportCell): string | number | Date | null {
  if (cell === null || typeof cell !== 'object') return cell;
  if ('day' in cell) return new Date(`${cell.day}T00:00:00Z`);
  if ('seconds' in cell) return cell.seconds / 86_400;
  return new Date(cell.instant + cell.offsetMs);
}

const XLSX_FORMATS: Partial<Record<(typeof TICKET_COLUMNS)[number], string>> = {
  'Ngày làm việc': 'dd/mm/yyyy',
  'Giờ lấy số': 'dd/mm/yyyy hh:mm:ss',
  'Giờ gọi': 'dd/mm/yyyy hh:mm:ss',
  'Giờ bắt đầu': 'dd/mm/yyyy hh:mm:ss',
  'Giờ kết thúc': 'dd/mm/yyyy hh:mm:ss',
  'Thời gian chờ': '[h]:mm:ss',
  'Thời gian đến quầy': '[h]:mm:ss',
  'Thời gian phục vụ': '[h]:mm:ss',
  'Sai lệch dự kiến': '[h]:mm:ss',
};

/**
 * Every ticket of the range as export cells, in issue order, times in the office's clock.
 */
export async function* ticketRows(
  store: ReportStore,
  range: ReportRange,
  config: OfficeConfig,
): AsyncGenerator<ExportCell[]> {
  const { startsAt } = serviceDayBounds(range, config.office);
  const offsetMs = timeZoneOffsetMs(startsAt, config.office.timeZone);
  const clock = (at: number | null): ExportCell => (at === null ? null : { instant: at, offsetMs });
  const span = (from: number | null, to: number | null): ExportCell =>
    from === null || to === null ? null : { seconds: (to - from) / 1000 };
  const groups = new Map(config.priority.groups.map((g) => [g.id, g.name.vi]));
  for await (const t of store.ticketsInRange(range)) {
    const service = config.services[t.serviceId];
    const field = service ? config.fields[service.fieldId] : undefined;
    const counter = t.counterId ? config.counters[t.counterId] : undefined;
    const clerk = t.clerkId ? config.users[t.clerkId] : undefined;
    const status = t.status === 'expired' && t.finishedAt !== null ? 'noShow' : t.status;
    const etaError = etaErrorSeconds({ issuedAt: t.issuedAt, calledAt: t.calledAt, etaMinutes: t.etaMinutes });
    yield [
      t.label,
      { day: t.serviceDay },
      service?.code ?? t.serviceId,
      service?.name.vi ?? t.serviceId,
      field?.name.vi ?? '',
      t.priorityGroup ? (groups.get(t.priorityGroup) ?? t.priorityGroup) : '',
      counter ? counter.number : '',
      clerk?.displayName ?? t.clerkId ?? '',
      TICKET_STATUS_NAMES[status],
      clock(t.issuedAt),
      clock(t.calledAt),
      clock(t.startedAt),
      clock(t.finishedAt),
      span(t.issuedAt, t.calledAt),
      span(t.calledAt, t.startedAt),
      t.status === 'finished' ? span(t.startedAt, t.finishedAt) : null,
      t.ratingAnswer ? ratingAnswerNames[t.ratingAnswer].vi : '',
      t.etaMinutes ?? '',
      etaError === null ? null : { seconds: etaError },
    ];
  }
}

/** The office's services in the order of their ticket prefixes (A, B, C…), as the kiosk lists them. */
function byPrefix(config: OfficeConfig): (a: string, b: string) => number {
  const prefixOf = (id: string) => config.services[id]?.prefix ?? '\uffff';
  return (a, b) => prefixOf(a).localeCompare(prefixOf(b)) || a.localeCompare(b);
}

const round = (value: number | null) => (value === null ? '' : Math.round(value * 10) / 10);

/** The summary sheet: one line per service with counts, times and the satisfaction index, then the totals. */
function summaryRows(summary: ReportSummary, config: OfficeConfig): (string | number)[][] {
  const rows: (string | number)[][] = [];
  const keys = summary.byService.map((s) => s.key).sort(byPrefix(config));
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

/** One sheet of outcome counts (and, where the summary has them, times) by a key: counter, clerk, hour… */
function breakdownSheet(
  workbook: import('exceljs').stream.xlsx.WorkbookWriter,
  name: string,
  keyHeader: string,
  rows: readonly OutcomeCounts[],
  label: (key: string) => string,
  extra?: { headers: string[]; cells: (key: string) => (string | number)[] },
): void {
  const sheet = workbook.addWorksheet(name);
  const header = sheet.addRow([
    keyHeader,
    'Số vé đã cấp',
    'Đã phục vụ',
    'Vắng mặt',
    'Đã hủy',
    'Hết hạn',
    ...(extra?.headers ?? []),
  ]);
  header.font = { bold: true };
  header.commit();
  for (const row of rows) {
    sheet
      .addRow([
        label(row.key),
        row.issued,
        row.served,
        row.noShow,
        row.cancelled,
        row.expired,
        ...(extra?.cells(row.key) ?? []),
      ])
      .commit();
  }
  sheet.commit();
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
  summarySheet
    .addRow([`${config.office.name} — báo cáo từ ${formatDayVi(range.from)} đến ${formatDayVi(range.to)}`])
    .commit();
  const header = summarySheet.addRow([...SUMMARY_COLUMNS]);
  header.font = { bold: true };
  header.commit();
  for (const row of summaryRows(summary, config)) summarySheet.addRow(row).commit();
  summarySheet.commit();

  const minutes = (seconds: number | null | undefined) =>
    seconds === null || seconds === undefined ? '' : round(seconds / 60);
  const timesOf = (breakdown: 'byCounter' | 'byClerk') => ({
    headers: ['Chờ trung vị (phút)', 'Phục vụ trung bình (phút)', 'Thời gian rảnh (phút)', 'Chỉ số hài lòng (%)'],
    cells: (key: string) => [
      minutes(summary.waiting[breakdown].find((s) => s.key === key)?.medianSeconds),
      minutes(summary.service[breakdown].find((s) => s.key === key)?.meanSeconds),
      minutes(summary.idle[breakdown].find((s) => s.key === key)?.idleSeconds),
      round(summary.satisfaction[breakdown].find((s) => s.key === key)?.index ?? null),
    ],
  });
  breakdownSheet(
    workbook,
    'Theo quầy',
    'Quầy',
    summary.byCounter,
    (key) => (key ? `Quầy ${config.counters[key]?.number ?? key}` : '(chưa gọi)'),
    timesOf('byCounter'),
  );
  breakdownSheet(
    workbook,
    'Theo cán bộ',
    'Cán bộ',
    summary.byClerk,
    (key) => (key ? (config.users[key]?.displayName ?? key) : '(chưa gọi)'),
    timesOf('byClerk'),
  );
  breakdownSheet(workbook, 'Theo giờ', 'Giờ lấy số', summary.byHour, (key) => `${key}:00–${key}:59`);
  const groups = new Map(config.priority.groups.map((g) => [g.id, g.name.vi]));
  breakdownSheet(workbook, 'Theo đối tượng ưu tiên', 'Đối tượng', summary.byPriority, (key) =>
    key ? (groups.get(key) ?? key) : 'Thường (không ưu tiên)',
  );

  const etaSheet = workbook.addWorksheet('Sai lệch dự kiến');
  etaSheet.addRow(['|Thời gian chờ dự kiến khi lấy số − thời gian chờ thực tế|, theo ngày và thủ tục']).commit();
  const etaHeader = etaSheet.addRow([...ETA_ERROR_COLUMNS]);
  etaHeader.font = { bold: true };
  etaHeader.commit();
  for (const row of etaErrorRows(summary, config)) etaSheet.addRow(row).commit();
  etaSheet.commit();

  const ticketSheet = workbook.addWorksheet('Danh sách vé');
  ticketSheet.columns = TICKET_COLUMNS.map((name) => ({
    header: name,
    width: Math.max(12, name.length + 2, XLSX_FORMATS[name] ? 20 : 0),
  }));
  ticketSheet.getRow(1).font = { bold: true };
  const formats = TICKET_COLUMNS.map((name) => XLSX_FORMATS[name]);
  for await (const cells of ticketRows(store, range, config)) {
    const row = ticketSheet.addRow(cells.map(xlsxCell));
    formats.forEach((numFmt, i) => {
      if (numFmt) row.getCell(i + 1).numFmt = numFmt;
    });
    row.commit();
  }
  ticketSheet.commit();
  await workbook.commit();
}

/**
 * The ticket list as CSV. `escape_formulas` puts a quote before a cell starting with = + - @ tab or CR,
 * so a service or clerk name typed as "=HYPERLINK(…)" stays text when the file is opened in Excel.
 */
async function writeCsv(csv: Stringifier, rows: AsyncIterable<ExportCell[]>, format: CsvFormat): Promise<void> {
  for await (const row of rows) {
    if (!csv.write(row.map((cell) => csvCell(cell, format)))) await once(csv, 'drain');
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
  rows: AsyncIterable<ExportCell[]>,
  format: CsvFormat = { delimiter: ',', durations: 'seconds' },
): Stringifier {
  // The BOM makes Excel read the file as UTF-8, so Vietnamese letters show correctly.
  const csv = stringify({ bom: true, record_delimiter: 'windows', escape_formulas: true, delimiter: format.delimiter });
  csv.write([...columns]);
  writeCsv(csv, rows, format).catch((error: unknown) => {
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
      fileRoute('GET /api/reports/export.xlsx', {
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
      // ?delimiter=semicolon for Vietnamese Excel, ?durations=hms for h:mm:ss instead of whole seconds.
      fileRoute('GET /api/reports/export.csv', {
        handler: ({ query, reply }) =>
          download(reply, 'text/csv; charset=utf-8', fileName(query, 'csv')).send(
            csvStream(ctx, TICKET_COLUMNS, ticketRows(store, query, ctx.engine.state.config), {
              delimiter: query.delimiter === 'semicolon' ? ';' : ',',
              durations: query.durations,
            }),
          ),
      }),
    ],
    stop: () => undefined,
  };
}
