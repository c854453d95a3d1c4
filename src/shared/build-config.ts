/**
 * Build-time configuration (Vite replaces `import.meta.env.WXT_*` when the extension is built):
 *   WXT_FEED_URL=https://feed.example.org/canh-giac/  WXT_REPORT_URL=https://reports.example.org/v1/reports  npm run build
 * Empty means "not configured": the bundled database is used and reports wait in the outbox until an endpoint is
 * set in the options page. The options page can override both at run time (settings.feedUrl / settings.reportUrl).
 */
export interface BuildConfig {
  feedUrl: string;
  reportUrl: string;
  /** The feed's ECDSA P-256 public key (JWK JSON or base64 SPKI), set by the feed work; see README. */
  feedPublicKey: string;
}

export function readBuildConfig(): BuildConfig {
  const env = import.meta.env as Record<string, string | undefined>;
  return {
    feedUrl: env.WXT_FEED_URL ?? '',
    reportUrl: env.WXT_REPORT_URL ?? '',
    feedPublicKey: env.WXT_FEED_PUBLIC_KEY ?? '',
  };
}
