export { decodeEscPos, decodedText, rasterImage, decodeText, EPSON_CODE_PAGES } from './decodeEscPos.js';
export type { EscPosOp, DecodeOptions } from './decodeEscPos.js';
export { startVirtualPrinter, statusReply } from './virtualPrinter.js';
export type {
  VirtualPrinter,
  VirtualPrinterFault,
  VirtualPrinterJob,
  VirtualPrinterOptions,
  FaultOptions,
} from './virtualPrinter.js';
export { sampleTicket } from '../sampleTicket.js';
