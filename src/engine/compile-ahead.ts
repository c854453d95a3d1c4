/**
 * Compiling the engine's own regular expressions ahead of a tab's first scan, one expression per step.
 *
 * V8 compiles a RegExp on its first run, separately for one-byte and two-byte subject strings, and compiles it again
 * to machine code on its next run. The context rules (ask-context.ts, scan-item.ts, …) hold ~90 expressions at module
 * level, many with Unicode property classes; on a tab's first scan they were all compiled inside that one scan, which
 * made it the longest task of the content script's start-up (35–114 ms of CPU in the browser benchmark's profile,
 * most of it in `splitWords` and `isAdvisedAgainst` compiling their expressions). `prepareScan` runs these steps
 * first, while its caller has time, so each task pays for a few expressions at most.
 *
 * Each module lists its module-level expressions in an exported `…_EXPRESSIONS` array; a test checks that every
 * module-level RegExp of those files is listed.
 */

const ONE_BYTE_SUBJECT = 'a';
const TWO_BYTE_SUBJECT = 'a\u0100';
/**
 * An expression that reads the original text, which on a Vietnamese page is a two-byte string: Unicode mode, or a
 * non-ASCII character or escape in its source. The others read folded text (lowercase ASCII, a one-byte string).
 * Only that width is compiled: the other compile is paid on a page that needs it (an English-only post), and
 * compiling both doubled the cost of the steps (~270 ms of CPU more in Chromium on a busy host).
 */
const READS_ORIGINAL = /[\u0080-\uffff]|\\[up]/;

/** Runs `expression` twice on a tiny subject of the width it meets (bytecode, then machine code); leaves it reset. */
export function compileExpression(expression: RegExp): void {
  const subject = expression.unicode || READS_ORIGINAL.test(expression.source) ? TWO_BYTE_SUBJECT : ONE_BYTE_SUBJECT;
  for (let run = 0; run < 2; run++) {
    expression.lastIndex = 0;
    expression.exec(subject);
  }
  expression.lastIndex = 0;
}

/** One step per expression, in the given order. */
export function listCompileSteps(groups: ReadonlyArray<readonly RegExp[]>): Array<() => void> {
  return groups.flatMap((group) => group.map((expression) => () => compileExpression(expression)));
}
