/**
 * The bundled pattern database: the JSON source files under src/patterns assembled into one `DatabaseSource`.
 *
 * The files are imported statically so Vite (extension build) and tsx (CLI) bundle them. Nothing here validates:
 * `npm run patterns:check` and src/patterns/index.test.ts run the assembled database through `parseDatabaseSource`
 * and the engine, so a malformed file fails CI, not a user's browser.
 */
import type { BrandSource, DatabaseSource, FamilySource, PatternSource } from '../engine/types.ts';
import accountRecovery from './families/account-recovery.json';
import bankPhishing from './families/bank-phishing.json';
import charity from './families/charity.json';
import fakeSupport from './families/fake-support.json';
import generic from './families/generic.json';
import hackMoney from './families/hack-money.json';
import impersonationAuthority from './families/impersonation-authority.json';
import investment from './families/investment.json';
import jobTask from './families/job-task.json';
import loanApp from './families/loan-app.json';
import parcel from './families/parcel.json';
import prize from './families/prize.json';
import relativeInNeed from './families/relative-in-need.json';
import romanceGift from './families/romance-gift.json';
import shoppingDeposit from './families/shopping-deposit.json';
import utilityTax from './families/utility-tax.json';
import warning from './families/warning.json';
import brandsFile from './brands.json';
import versionFile from './version.json';

/** One `families/<family-id>.json` file. */
export interface FamilyFile {
  family: FamilySource;
  patterns: PatternSource[];
}

/** `brands.json`. */
export interface BrandsFile {
  brands: BrandSource[];
  allowlist: string[];
  freeHosts: string[];
  lureKeywords: string[];
}

/** `version.json`. */
export interface VersionFile {
  version: number;
  created: string;
}

/** The family files in display order (the order families are listed in the database). */
export const FAMILY_FILES: readonly FamilyFile[] = [
  jobTask as FamilyFile,
  charity as FamilyFile,
  investment as FamilyFile,
  impersonationAuthority as FamilyFile,
  bankPhishing as FamilyFile,
  loanApp as FamilyFile,
  accountRecovery as FamilyFile,
  prize as FamilyFile,
  parcel as FamilyFile,
  utilityTax as FamilyFile,
  romanceGift as FamilyFile,
  hackMoney as FamilyFile,
  relativeInNeed as FamilyFile,
  shoppingDeposit as FamilyFile,
  fakeSupport as FamilyFile,
  generic as FamilyFile,
  warning as FamilyFile,
];

/** Builds a database from family files, the brands file and the version file (pure; used by tests with fixtures). */
export function buildDatabase(families: readonly FamilyFile[], brands: BrandsFile, version: VersionFile): DatabaseSource {
  return {
    format: 1,
    version: version.version,
    created: version.created,
    families: families.map((file) => file.family),
    patterns: families.flatMap((file) => file.patterns),
    brands: brands.brands,
    allowlist: brands.allowlist,
    freeHosts: brands.freeHosts,
    lureKeywords: brands.lureKeywords,
  };
}

function freezeDeep<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) freezeDeep(child);
  }
  return value;
}

let memo: DatabaseSource | undefined;

/** The bundled database, assembled once and deeply frozen (callers share it; copy before changing anything). */
export function assembleDatabase(): DatabaseSource {
  memo ??= freezeDeep(buildDatabase(FAMILY_FILES, brandsFile as BrandsFile, versionFile as VersionFile));
  return memo;
}

/** The bundled database (same object as `assembleDatabase()`). */
export const bundledDatabase: DatabaseSource = assembleDatabase();
