/**
 * A small, valid `DatabaseSource` for the engine's and the scan CLI's tests (not shipped). Written to pass
 * `parseDatabaseSource`, so the CLI tests can also feed it through `--db`.
 */
import type { DatabaseSource, FamilySource, PatternSource } from './types.ts';

function family(id: string, vi: string, en: string): FamilySource {
  return {
    id,
    name: { vi, en },
    description: { vi: `Mô tả ${vi}.`, en: `About ${en}.` },
    advice: { vi: `Lời khuyên về ${vi}.`, en: `Advice on ${en}.` },
  };
}

const patterns: PatternSource[] = [
  { id: 'job-easy-work', family: 'job-task', kind: 'phrase', value: 'việc nhẹ lương cao', signal: 'lure', weight: 40 },
  { id: 'job-ctv', family: 'job-task', kind: 'phrase', value: 'tuyển cộng tác viên', signal: 'lure', weight: 30 },
  { id: 'job-deposit', family: 'job-task', kind: 'phrase', value: 'nạp tiền', signal: 'payment', weight: 40 },
  { id: 'job-task-topup', family: 'job-task', kind: 'phrase', value: 'nạp tiền làm nhiệm vụ', signal: 'hallmark', weight: 70 },
  { id: 'job-income-regex', family: 'job-task', kind: 'regex', value: 'thu nhap \\d+ ?(k|trieu)', signal: 'lure', weight: 20 },
  { id: 'generic-zalo', family: 'generic', kind: 'phrase', value: 'kết bạn zalo', signal: 'channel', weight: 30 },
  { id: 'generic-ib', family: 'generic', kind: 'phrase', value: 'inbox', signal: 'channel', weight: 20 },
  { id: 'generic-urgent', family: 'generic', kind: 'phrase', value: 'trong 24 giờ', signal: 'pressure', weight: 20 },
  { id: 'bank-otp', family: 'bank-phishing', kind: 'phrase', value: 'mã OTP', signal: 'credential', weight: 50 },
  { id: 'bank-locked', family: 'bank-phishing', kind: 'phrase', value: 'tài khoản bị khóa', signal: 'pressure', weight: 40 },
  { id: 'warn-never-share', family: 'warning', kind: 'phrase', value: 'không bao giờ yêu cầu', signal: 'warning', weight: 30 },
  { id: 'warn-be-careful', family: 'warning', kind: 'phrase', value: 'cảnh giác', signal: 'warning', weight: 20 },
  { id: 'warn-police', family: 'warning', kind: 'phrase', value: 'công an khuyến cáo', signal: 'warning', weight: 30 },
  { id: 'bank-blocked-domain', family: 'bank-phishing', kind: 'domain', value: 'vcb-digibank-support.top', signal: 'channel', weight: 90 },
  { id: 'job-blocked-host', family: 'job-task', kind: 'domain', value: '=nhiemvu.example.net', signal: 'channel', weight: 60 },
  { id: 'job-telegram', family: 'job-task', kind: 'url', value: 't.me/nhiemvu_vn', signal: 'channel', weight: 60 },
  { id: 'job-number', family: 'job-task', kind: 'number', value: '0936 555 812', signal: 'channel', weight: 60 },
  {
    id: 'old-expired',
    family: 'job-task',
    kind: 'phrase',
    value: 'mẫu đã hết hạn',
    signal: 'hallmark',
    weight: 90,
    expires: '2020-01-01',
  },
];

export const MINI_DATABASE: DatabaseSource = {
  format: 1,
  version: 7,
  created: '2026-11-01T00:00:00Z',
  families: [
    family('job-task', 'Việc nhẹ lương cao', 'Task scams'),
    family('bank-phishing', 'Giả mạo ngân hàng', 'Bank phishing'),
    family('parcel', 'Giả mạo giao hàng', 'Parcel scams'),
    family('generic', 'Dấu hiệu chung', 'General signs'),
    family('warning', 'Cảnh báo', 'Warnings'),
  ],
  patterns,
  brands: [
    { id: 'vietcombank', name: 'Vietcombank', domains: ['vietcombank.com.vn'], keywords: ['vietcombank', 'vcb'], kind: 'bank' },
    { id: 'momo', name: 'MoMo', domains: ['momo.vn'], keywords: ['momo'], kind: 'wallet' },
    { id: 'shopee', name: 'Shopee', domains: ['shopee.vn'], keywords: ['shopee'], kind: 'marketplace' },
    { id: 'vnpost', name: 'VNPost', domains: ['vnpost.vn'], keywords: ['vnpost'], kind: 'delivery' },
  ],
  allowlist: ['vnexpress.net', 'chinhphu.vn'],
  freeHosts: ['web.app', 'weebly.com'],
  lureKeywords: ['xacminh', 'xacthuc', 'nhanqua', 'quatang'],
};
