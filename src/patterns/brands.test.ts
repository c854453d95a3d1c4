/**
 * The bundled brand list (brands.json) through the real engine: look-alikes of Vietnamese government services (a
 * brand keyword with a lure word such as "tracuu", "nopphat", "phatnguoi") are flagged; real government hosts, other
 * countries' government portals and words that merely contain the letters are not. A generic "gov" keyword was tried
 * and dropped: it flagged e-gov.az, gov-online.go.jp, login.gov.bc.ca and (by edit distance) govan.org.uk.
 */
import { describe, expect, it } from 'vitest';
import { compileEngine } from '../engine/index.ts';
import { assembleDatabase } from './index.ts';

const engine = compileEngine(assembleDatabase());

function brandHits(host: string): string[] {
  return (engine.domains.checkHost(host)?.hits ?? []).map((hit) => `${hit.kind}:${engine.domains.brands[hit.brand ?? -1]?.id ?? '?'}`);
}

describe('government look-alike hosts', () => {
  it.each(['csgt-tracuu.com', 'phatnguoi-csgt.online', 'dichvucong-nopphat.com', 'vneid-tracuu.net'])('flags %s as a brand with a lure word', (host) => {
    const weights = (engine.domains.checkHost(host)?.hits ?? []).map((hit) => hit.weight ?? 0);
    expect(Math.max(0, ...weights), host).toBeGreaterThanOrEqual(85);
  });

  it.each([
    'dichvucong.gov.vn',
    'csgt.vn',
    'www.irs.gov',
    'www.gov.uk',
    'usa.gov',
    'govee.com',
    'egov.example.com',
    'governor-race.org',
    'e-gov.az',
    'www.gov-online.go.jp',
    'login.gov.bc.ca',
    'www.govan.org.uk',
    'data-gov.org',
    'tracuu.vn',
  ])('leaves %s alone', (host) => {
    expect(brandHits(host)).toEqual([]);
  });
});

describe('brands added in session 17 (driver apps, telecoms, streaming, lottery, travel)', () => {
  it.each([
    ['grab-driver-capnhat.com', 'grab'],
    ['fpt-hotro-capnhat.com', 'fpt'],
    ['vietlott-nhanthuong.com', 'vietlott'],
    ['icloud-mokhoa.com', 'apple'],
    ['agoda-refund.com', 'agoda'],
  ])('flags %s as a look-alike of %s', (host, brand) => {
    expect(brandHits(host).some((hit) => hit.endsWith(`:${brand}`)), host).toBe(true);
  });

  it.each(['grab.com', 'fpt.edu.vn', 'fptshop.com.vn', 'hotro.fpt.vn', 'fptplay.vn', 'www.netflix.com', 'vietlott.vn', 'www.icloud.com', 'traveloka.com', 'grabbag.com', 'fptu-hotro.com'])(
    'leaves %s alone',
    (host) => {
      expect(brandHits(host)).toEqual([]);
    },
  );
});
