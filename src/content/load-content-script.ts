import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { postTask } from './post-task';

/**
 * Entry of the content script. The bundle is one script, and the browser parses all of it in the task that runs it;
 * setting up its modules (the engine's tables, patterns of the context rules, the UI strings: ~20 ms on a slow
 * machine) in that same task made it a long task on every page. So this entry only schedules: the rest of the
 * content script is imported (a lazy module of the same bundle; nothing is fetched) and started in a task of its own.
 */
export function startContentScript(ctx: ContentScriptContext): void {
  if (ctx.isInvalid) return;
  postTask(() => {
    import('./start-content-script')
      .then(({ runContentScript }) => runContentScript(ctx))
      .catch((error: unknown) => console.error('[canh-giac] content script failed', error));
  }, ctx.signal);
}
