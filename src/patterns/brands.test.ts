/**
 * The bundled brand list (brands.json) through the real engine: hosts that pretend to be a Vietnamese government
 * service by carrying "gov" outside the .gov.vn suffix are flagged; real government hosts, other countries' .gov
 * domains and words that merely contain the letters are not.
 */
import { describe, expect, it } from 'vitest';
import { compileEngine } from '../engine/index.ts';
import { assembleDatabase } from './index.ts';

const engine = compileEngine(assembleDatabase());

function brandHits(host: string): string[] {
  return (engine.domains.checkHost(host)?.hits ?? []).map((hit) => `${hit.kind}:${engine.domains.brands[hit.brand ?? -1]?.id ?? '?'}`);
}

describe('government look-alike hosts', () => {
  it.each(['tracuu-phatnguoi-gov.com', 'gov-vn.online', 'thutuc.govvn-dichvu.com', 'nopphat-csgt.com', 'dichvucong-gov.top'])(
    'flags %s',
    (host) => {
      expect(brandHits(host).length, host).toBeGreaterThan(0);
    },
  );

  it.each(['dichvucong.gov.vn', 'csgt.vn', 'www.irs.gov', 'www.gov.uk', 'usa.gov', 'govee.com', 'egov.example.com', 'governor-race.org'])(
    'leaves %s alone',
    (host) => {
      expect(brandHits(host)).toEqual([]);
    },
  );
});
