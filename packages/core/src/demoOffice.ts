import type { CommandInput } from './commands.js';
import type { ProcedureInfoInput, Service, WeeklyHours } from './schemas.js';

const workingWeek: WeeklyHours = {
  '1': [
    { from: '07:30', to: '11:30' },
    { from: '13:30', to: '17:00' },
  ],
  '2': [
    { from: '07:30', to: '11:30' },
    { from: '13:30', to: '17:00' },
  ],
  '3': [
    { from: '07:30', to: '11:30' },
    { from: '13:30', to: '17:00' },
  ],
  '4': [
    { from: '07:30', to: '11:30' },
    { from: '13:30', to: '17:00' },
  ],
  '5': [
    { from: '07:30', to: '11:30' },
    { from: '13:30', to: '17:00' },
  ],
  '6': [{ from: '07:30', to: '11:30' }],
};

/** Every day, all day: for demos and tests that run at any hour. */
export const alwaysOpen: WeeklyHours = {
  '1': [{ from: '00:00', to: '24:00' }],
  '2': [{ from: '00:00', to: '24:00' }],
  '3': [{ from: '00:00', to: '24:00' }],
  '4': [{ from: '00:00', to: '24:00' }],
  '5': [{ from: '00:00', to: '24:00' }],
  '6': [{ from: '00:00', to: '24:00' }],
  '7': [{ from: '00:00', to: '24:00' }],
};

/**
 * The fields a ward or commune Trung tâm Phục vụ hành chính công receives since the two-level local
 * government of 1 July 2025, named after the ministries that own them since the March 2025 merger:
 * people with merit moved from Lao động – Thương binh và Xã hội to Nội vụ, social protection to Y tế.
 */
const fields = [
  { id: 'ho-tich', vi: 'Hộ tịch', en: 'Civil status' },
  { id: 'chung-thuc', vi: 'Chứng thực', en: 'Certification' },
  { id: 'dat-dai', vi: 'Đất đai', en: 'Land' },
  { id: 'xay-dung', vi: 'Hoạt động xây dựng', en: 'Construction' },
  { id: 'ho-kinh-doanh', vi: 'Hộ kinh doanh', en: 'Household businesses' },
  { id: 'noi-vu', vi: 'Nội vụ – Người có công', en: 'Home Affairs – People with merit' },
  { id: 'bao-tro-xa-hoi', vi: 'Y tế – Bảo trợ xã hội', en: 'Health – Social protection' },
  { id: 'tra-ket-qua', vi: 'Nhận kết quả hồ sơ', en: 'Collect a result' },
];

type DemoService = Pick<Service, 'id' | 'code' | 'prefix' | 'fieldId' | 'defaultServiceMinutes'> & {
  vi: string;
  en: string;
  /** Example content: an office copies its province's published procedure list (quyết định công bố TTHC). */
  procedure: ProcedureInfoInput;
};

const identityCard = 'Căn cước / Căn cước công dân hoặc tài khoản định danh điện tử VNeID mức 2';
const provincialFee = 'Theo mức thu do Hội đồng nhân dân tỉnh quy định';

const services: DemoService[] = [
  {
    id: 'khai-sinh',
    code: 'HT01',
    prefix: 'A',
    fieldId: 'ho-tich',
    vi: 'Đăng ký khai sinh',
    en: 'Birth registration',
    defaultServiceMinutes: 8,
    procedure: {
      catalogueCode: '1.001193',
      documents: [
        'Tờ khai đăng ký khai sinh (theo mẫu)',
        'Giấy chứng sinh (bản chính) hoặc giấy tờ thay thế',
        `${identityCard} của người đi đăng ký`,
      ],
      fee: 'Miễn lệ phí khi đăng ký đúng hạn',
      processingTime: 'Trong ngày làm việc',
      printOnTicket: true,
    },
  },
  {
    id: 'ket-hon',
    code: 'HT02',
    prefix: 'B',
    fieldId: 'ho-tich',
    vi: 'Đăng ký kết hôn',
    en: 'Marriage registration',
    defaultServiceMinutes: 10,
    procedure: {
      catalogueCode: '1.000894',
      documents: ['Tờ khai đăng ký kết hôn (theo mẫu)', `${identityCard} của hai bên nam, nữ`],
      fee: 'Miễn lệ phí',
      processingTime: 'Trong ngày làm việc; cần xác minh thì không quá 5 ngày làm việc',
      printOnTicket: true,
    },
  },
  {
    id: 'chung-thuc-ban-sao',
    code: 'CT01',
    prefix: 'C',
    fieldId: 'chung-thuc',
    vi: 'Chứng thực bản sao từ bản chính',
    en: 'Certified copies',
    defaultServiceMinutes: 3,
    procedure: {
      catalogueCode: '',
      documents: ['Bản chính giấy tờ, văn bản', 'Bản sao cần chứng thực (hoặc nhờ chụp tại Trung tâm)'],
      fee: '2.000 đồng/trang; từ trang thứ ba 1.000 đồng/trang, tối đa 200.000 đồng/bản',
      processingTime: 'Trong ngày (nộp sau 15 giờ thì trả vào ngày làm việc tiếp theo)',
      printOnTicket: true,
    },
  },
  {
    id: 'chung-thuc-chu-ky',
    code: 'CT02',
    prefix: 'D',
    fieldId: 'chung-thuc',
    vi: 'Chứng thực chữ ký',
    en: 'Signature certification',
    defaultServiceMinutes: 4,
    procedure: {
      catalogueCode: '',
      documents: [identityCard, 'Giấy tờ, văn bản cần chứng thực chữ ký (ký trước mặt cán bộ)'],
      fee: '10.000 đồng/trường hợp',
      processingTime: 'Trong ngày',
      printOnTicket: false,
    },
  },
  {
    id: 'cap-gcn-qsdd',
    code: 'DD01',
    prefix: 'E',
    fieldId: 'dat-dai',
    vi: 'Đăng ký, cấp Giấy chứng nhận quyền sử dụng đất lần đầu',
    en: 'Land use right certificate, first issue',
    defaultServiceMinutes: 15,
    procedure: {
      catalogueCode: '',
      documents: ['Đơn đăng ký đất đai, tài sản gắn liền với đất (theo mẫu)', 'Giấy tờ về quyền sử dụng đất (nếu có)'],
      fee: provincialFee,
      processingTime: 'Không quá 20 ngày làm việc',
      printOnTicket: false,
    },
  },
  {
    id: 'chuyen-nhuong-dat',
    code: 'DD02',
    prefix: 'F',
    fieldId: 'dat-dai',
    vi: 'Đăng ký biến động, chuyển nhượng quyền sử dụng đất',
    en: 'Land transfer registration',
    defaultServiceMinutes: 15,
    procedure: {
      catalogueCode: '',
      documents: [
        'Đơn đăng ký biến động (theo mẫu)',
        'Hợp đồng chuyển nhượng đã công chứng, chứng thực',
        'Giấy chứng nhận đã cấp (bản gốc)',
      ],
      fee: provincialFee,
      processingTime: 'Không quá 10 ngày làm việc',
      printOnTicket: false,
    },
  },
  {
    id: 'giay-phep-xay-dung',
    code: 'XD01',
    prefix: 'G',
    fieldId: 'xay-dung',
    vi: 'Cấp giấy phép xây dựng nhà ở riêng lẻ',
    en: 'Building permit for a house',
    defaultServiceMinutes: 12,
    procedure: {
      catalogueCode: '',
      documents: [
        'Đơn đề nghị cấp giấy phép xây dựng (theo mẫu)',
        'Giấy tờ về quyền sử dụng đất',
        '02 bộ bản vẽ thiết kế xây dựng',
      ],
      fee: provincialFee,
      processingTime: 'Không quá 15 ngày',
      printOnTicket: false,
    },
  },
  {
    id: 'ho-kinh-doanh',
    code: 'KD01',
    prefix: 'H',
    fieldId: 'ho-kinh-doanh',
    vi: 'Đăng ký thành lập hộ kinh doanh',
    en: 'Household business registration',
    defaultServiceMinutes: 10,
    procedure: {
      catalogueCode: '',
      documents: ['Giấy đề nghị đăng ký hộ kinh doanh (theo mẫu)', `${identityCard} của chủ hộ`],
      fee: provincialFee,
      processingTime: '3 ngày làm việc',
      printOnTicket: false,
    },
  },
  {
    id: 'tro-cap-xa-hoi',
    code: 'BTXH01',
    prefix: 'K',
    fieldId: 'bao-tro-xa-hoi',
    vi: 'Trợ cấp xã hội hằng tháng',
    en: 'Monthly social allowance',
    defaultServiceMinutes: 8,
    procedure: {
      catalogueCode: '',
      documents: ['Tờ khai đề nghị trợ giúp xã hội (theo mẫu)', identityCard],
      fee: 'Không thu phí',
      processingTime: '',
      printOnTicket: false,
    },
  },
  {
    id: 'nguoi-co-cong',
    code: 'NV01',
    prefix: 'L',
    fieldId: 'noi-vu',
    vi: 'Giải quyết chế độ người có công',
    en: 'Benefits for people with merit',
    defaultServiceMinutes: 10,
    procedure: {
      catalogueCode: '',
      documents: ['Bản khai theo mẫu của chế độ đề nghị', identityCard],
      fee: 'Không thu phí',
      processingTime: '',
      printOnTicket: false,
    },
  },
  {
    id: 'tra-ket-qua',
    code: 'TKQ',
    prefix: 'T',
    fieldId: 'tra-ket-qua',
    vi: 'Nhận kết quả giải quyết hồ sơ',
    en: 'Collect the result of an application',
    defaultServiceMinutes: 3,
    procedure: {
      catalogueCode: '',
      documents: ['Giấy tiếp nhận hồ sơ và hẹn trả kết quả', identityCard],
      fee: '',
      processingTime: '',
      printOnTicket: false,
      returnsResults: true,
    },
  },
];

const counters: { number: number; vi: string; en: string; serviceIds: string[] }[] = [
  {
    number: 1,
    vi: 'Quầy 1 – Hộ tịch',
    en: 'Counter 1 – Civil status',
    serviceIds: ['khai-sinh', 'ket-hon', 'tra-ket-qua'],
  },
  {
    number: 2,
    vi: 'Quầy 2 – Chứng thực',
    en: 'Counter 2 – Certification',
    serviceIds: ['chung-thuc-ban-sao', 'chung-thuc-chu-ky', 'khai-sinh'],
  },
  { number: 3, vi: 'Quầy 3 – Đất đai', en: 'Counter 3 – Land', serviceIds: ['cap-gcn-qsdd', 'chuyen-nhuong-dat'] },
  {
    number: 4,
    vi: 'Quầy 4 – Xây dựng, Kinh doanh',
    en: 'Counter 4 – Construction, Business',
    serviceIds: ['giay-phep-xay-dung', 'ho-kinh-doanh'],
  },
  {
    number: 5,
    vi: 'Quầy 5 – Nội vụ, Xã hội, Trả kết quả',
    en: 'Counter 5 – Home affairs, Social, Results',
    serviceIds: ['nguoi-co-cong', 'tro-cap-xa-hoi', 'tra-ket-qua', 'chung-thuc-ban-sao'],
  },
];

const clerks = [
  { username: 'canbo1', displayName: 'Nguyễn Thị Lan' },
  { username: 'canbo2', displayName: 'Trần Văn Minh' },
  { username: 'canbo3', displayName: 'Lê Thị Hồng' },
  { username: 'canbo4', displayName: 'Phạm Quốc Huy' },
  { username: 'canbo5', displayName: 'Hoàng Thị Mai' },
];

export interface DemoOfficeOptions {
  /** Open around the clock (the demo, tests), or the usual working week. */
  alwaysOpen?: boolean;
}

/** The commands that configure the demo Public Administrative Service Centre of a ward. */
export function demoOfficeCommands(options: DemoOfficeOptions = {}): CommandInput[] {
  const commands: CommandInput[] = [
    {
      type: 'config.setOffice',
      office: {
        name: 'Trung tâm Phục vụ hành chính công phường Hoàng Mai',
        nameEn: 'Public Administrative Service Centre, Hoàng Mai Ward',
        timeZone: 'Asia/Ho_Chi_Minh',
        dayCloseHour: 20,
        openingHours: options.alwaysOpen ? alwaysOpen : workingWeek,
        holidays: [],
        requireStart: false,
        ratingWindowSeconds: 120,
      },
    },
  ];
  fields.forEach((f, order) =>
    commands.push({ type: 'config.upsertField', field: { id: f.id, name: { vi: f.vi, en: f.en }, order } }),
  );
  services.forEach((s, order) =>
    commands.push({
      type: 'config.upsertService',
      service: {
        id: s.id,
        code: s.code,
        prefix: s.prefix,
        labelFormat: 'prefixed',
        rangeFrom: 1,
        rangeTo: 999,
        name: { vi: s.vi, en: s.en },
        fieldId: s.fieldId,
        dailyCap: 0,
        openingHours: null,
        defaultServiceMinutes: s.defaultServiceMinutes,
        numberingGroup: '',
        enabled: true,
        order,
      },
    }),
  );
  for (const s of services) {
    commands.push({ type: 'config.setProcedureInfo', serviceId: s.id, info: s.procedure });
  }
  for (const c of counters) {
    commands.push({
      type: 'config.upsertCounter',
      counter: { id: `quay-${c.number}`, number: c.number, name: { vi: c.vi, en: c.en }, serviceIds: c.serviceIds },
    });
  }
  clerks.forEach((c) =>
    commands.push({
      type: 'config.upsertUser',
      user: { id: c.username, username: c.username, displayName: c.displayName, role: 'clerk', disabled: false },
    }),
  );
  commands.push({
    type: 'config.upsertUser',
    user: {
      id: 'giamsat',
      username: 'giamsat',
      displayName: 'Giám đốc Trung tâm',
      role: 'supervisor',
      disabled: false,
    },
  });
  return commands;
}
