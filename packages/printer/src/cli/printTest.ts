/**
 * Test print for installers / In thử cho người lắp đặt.
 *   npm run print-test -- --printer tcp://192.168.1.50:9100 [--width 58|80] [--mode raster|text]
 *                         [--code-page tcvn3] [--cut full|partial|none] [--beep] [--timeout 10000]
 *   npm run print-test -- --virtual            (dry run against a virtual printer on 127.0.0.1)
 */
import { parseArgs } from 'node:util';
import { PrinterError } from '../errors.js';
import type { PrinterErrorCode } from '../errors.js';
import { checkPrinterStatus, printTicket } from '../print.js';
import { defaultProfile } from '../profile.js';
import { sampleTicket } from '../sampleTicket.js';
import { decodeEscPos, rasterImage } from '../testing/decodeEscPos.js';
import { startVirtualPrinter } from '../testing/virtualPrinter.js';
import type { VirtualPrinter, VirtualPrinterFault } from '../testing/virtualPrinter.js';

const NEXT_STEPS: Partial<Record<PrinterErrorCode | 'paperNearEnd', string[]>> = {
  PAPER_OUT: ['Lắp cuộn giấy mới, đóng nắp, in thử lại. / Load a new paper roll, close the cover, try again.'],
  paperNearEnd: ['Chuẩn bị cuộn giấy mới. / Have a new paper roll ready.'],
  COVER_OPEN: ['Đóng chặt nắp máy in. / Close the printer cover firmly.'],
  OFFLINE: ['Kiểm tra đèn báo lỗi, tắt rồi bật lại máy in. / Check the error light, switch the printer off and on.'],
  PRINTER_ERROR: [
    'Kiểm tra dao cắt có kẹt giấy không, tắt rồi bật lại. / Check the cutter for jammed paper, power-cycle the printer.',
  ],
  TIMEOUT: [
    'Máy in nhận kết nối nhưng không trả lời trạng thái. Nếu máy không hỗ trợ DLE EOT, thêm ?status=off vào địa chỉ. / The printer accepted the connection but did not answer the status query. If the model lacks DLE EOT, add ?status=off to the URL.',
  ],
  CONNECTION_FAILED: [
    'Kiểm tra máy in đã bật, cắm cáp mạng, và địa chỉ IP đúng (in trang tự kiểm tra: giữ nút FEED khi bật nguồn). / Check the printer is on, the network cable is in, and the IP address is right (self-test page: hold FEED while switching on).',
    'Máy tính và máy in phải cùng mạng; thử: ping <IP>. / The PC and the printer must be on the same network; try: ping <IP>.',
    'Cổng mặc định là 9100. / The default port is 9100.',
  ],
  CONNECTION_LOST: [
    'Kiểm tra cáp mạng và nguồn điện rồi in lại. / Check the network cable and power, then print again.',
  ],
  MISSING_DEPENDENCY: [
    'Chạy: npm install serialport -w @motcua/printer / Run: npm install serialport -w @motcua/printer',
  ],
  BAD_CONFIG: ['Xem ví dụ địa chỉ ở trên. / See the address examples above.'],
  NOT_SUPPORTED: ['Trên Linux dùng device:///dev/usb/lp0 hoặc tcp://. / On Linux use device:///dev/usb/lp0 or tcp://.'],
};

function usage(): string {
  return [
    'In thử vé / Test print',
    '  npm run print-test -- --printer tcp://192.168.1.50:9100',
    '  npm run print-test -- --printer file:///tmp/ve --width 58',
    '  npm run print-test -- --virtual [--fault paperOut]',
    'Tuỳ chọn / Options: --width 58|80  --mode raster|text  --code-page tcvn3  --cut full|partial|none  --beep  --timeout ms',
  ].join('\n');
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      printer: { type: 'string' },
      virtual: { type: 'boolean', default: false },
      fault: { type: 'string' },
      width: { type: 'string', default: '80' },
      mode: { type: 'string', default: 'raster' },
      'code-page': { type: 'string', default: 'tcvn3' },
      cut: { type: 'string', default: 'partial' },
      beep: { type: 'boolean', default: false },
      timeout: { type: 'string', default: '10000' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help || (!values.printer && !values.virtual)) {
    console.log(usage());
    return values.help ? 0 : 2;
  }
  let vp: VirtualPrinter | undefined;
  try {
    let url = values.printer ?? '';
    if (values.virtual) {
      vp = await startVirtualPrinter();
      if (values.fault) vp.setFault(values.fault as VirtualPrinterFault, { delayMs: 30_000 });
      url = vp.url;
      console.log(
        `Máy in ảo / Virtual printer: ${url}${values.fault ? ` (lỗi giả lập / simulated fault: ${values.fault})` : ''}`,
      );
    }
    const profile = defaultProfile({
      id: 'print-test',
      name: 'In thử / Test print',
      transportUrl: url,
      paperWidth: values.width === '58' ? 58 : 80,
      mode: values.mode === 'text' ? 'text' : 'raster',
      codePage: values['code-page'],
      cut: values.cut === 'full' || values.cut === 'none' ? values.cut : 'partial',
      beep: values.beep,
    });
    const timeoutMs = Math.max(500, Number(values.timeout) || 10_000);
    console.log(`Máy in / Printer: ${url}  (${profile.paperWidth} mm, ${profile.mode})`);

    const before = await checkPrinterStatus(profile, { timeoutMs });
    console.log(`Trạng thái / Status: ${before.status}: ${before.message.vi} / ${before.message.en}`);

    const doc = sampleTicket({
      officeName: 'In thử – Bộ phận một cửa',
      serviceNameVi: 'Phiếu in thử: Tiếng Việt có dấu ăâđêôơư ẮẰẲẴẶ',
      serviceNameEn: 'Test ticket',
      label: 'TEST',
      priorityLabel: undefined,
      issuedAt: Date.now(),
    });
    const started = Date.now();
    const result = await printTicket(profile, doc, { timeoutMs });
    console.log(
      `✔ Đã gửi ${result.bytes.length} byte trong ${Date.now() - started} ms / Sent ${result.bytes.length} bytes in ${Date.now() - started} ms`,
    );
    console.log(
      `Trạng thái sau khi in / Status after printing: ${result.status.status}: ${result.status.message.vi} / ${result.status.message.en}`,
    );
    if (result.status.status === 'paperNearEnd') for (const s of NEXT_STEPS.paperNearEnd ?? []) console.log(`  → ${s}`);
    if (result.transport === 'file')
      console.log(
        'Tệp .bin và ảnh .png đã được ghi vào thư mục. / The .bin and .png files were written to the folder.',
      );
    if (result.transport === 'device') {
      console.log('Kết nối một chiều: hãy xem tờ vé đã ra chưa. / One-way connection: check that the ticket came out.');
    }
    if (vp) {
      const job = await vp.waitForJob(5000);
      const img = rasterImage(decodeEscPos(job.bytes));
      console.log(
        `Máy in ảo đã nhận ${job.bytes.length} byte${img ? `, ảnh ${img.width}×${img.height} điểm` : ''}. / The virtual printer received ${job.bytes.length} bytes${img ? `, a ${img.width}×${img.height} dot image` : ''}.`,
      );
    }
    return 0;
  } catch (e) {
    if (e instanceof PrinterError) {
      console.error(`✘ Lỗi / Error [${e.code}]: ${e.vi}`);
      console.error(`  ${e.en}`);
      for (const s of NEXT_STEPS[e.code] ?? []) console.error(`  → ${s}`);
      if (e.code === 'BAD_CONFIG') console.error(usage());
      return 1;
    }
    console.error(e);
    return 1;
  } finally {
    await vp?.close();
  }
}

process.exitCode = await main();
