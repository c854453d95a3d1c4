/** Why a feed check failed. Each code is one kind of bad input or failure, with a readable message. */
export type FeedErrorCode =
  | 'not-configured'
  | 'no-key'
  | 'unreachable'
  | 'timeout'
  | 'http'
  | 'too-large'
  | 'invalid-json'
  | 'forbidden-key'
  | 'format'
  | 'schema'
  | 'signature'
  | 'checksum'
  | 'diff-base'
  | 'unsafe-regex'
  | 'rollback'
  | 'version-mismatch'
  | 'compile';

export class FeedError extends Error {
  constructor(
    readonly code: FeedErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'FeedError';
  }
}

/** `code: message` for logs and the status shown in the UI. */
export function describeFeedError(error: unknown): string {
  if (error instanceof FeedError) return `${error.code}: ${error.message}`;
  return `internal: ${error instanceof Error ? error.message : String(error)}`;
}
