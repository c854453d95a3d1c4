/**
 * The engine's public API. Pure: runs in Node, the service worker and content scripts.
 *
 *   const engine = compileEngine(db, { extraPhrases });   // once per database version
 *   const verdict = scanItem(engine, { text, links, url });
 *   const stored = serializeEngine(engine);                // JSON-able; loadEngine(stored) throws if stale/corrupt
 */
export { compileEngine, describeDatabase, CUSTOM_FAMILY, CUSTOM_PHRASE_WEIGHT } from './compile.ts';
export type { CompileOptions, DatabaseDescription, Engine, PatternInfo, SkippedPattern } from './compile.ts';
export { scanItem, prepareScan } from './scan-item.ts';
export { scoreIndicators, SCORE_RULES, DOMAIN_KINDS } from './score.ts';
export { serializeEngine, loadEngine, loadEngineSteps, isEngineIntact, EngineLoadError, ENGINE_FORMAT, ENGINE_MAGIC, hashString, type LoadEngineOptions } from './serialize.ts';
export type { SerializedEngine, SerializedEngineData } from './serialize.ts';
export { unwrapRedirect } from './urls.ts';
export { loadTextModel, TextModelError, TEXT_MODEL_FORMAT } from './text-model.ts';
export type { TextModel, TextModelSource } from './text-model.ts';
export { MODEL_LIFT_PATTERN_ID } from './model-lift.ts';
export { findUrlsInText, registrableDomain } from './domains.ts';
export type * from './types.ts';
