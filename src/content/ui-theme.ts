/**
 * Light or dark for our UI: Facebook's own theme class on <html> (`__fb-dark-mode` / `__fb-light-mode`) wins,
 * otherwise the system preference (CSS `prefers-color-scheme`, handled in the stylesheet as `auto`).
 */
export type Theme = 'light' | 'dark' | 'auto';

export function readPageTheme(doc: Document): Theme {
  const classes = doc.documentElement.classList;
  if (classes.contains('__fb-dark-mode')) return 'dark';
  if (classes.contains('__fb-light-mode')) return 'light';
  return 'auto';
}

const PALETTE = `
  .card { --bg: #fff8f6; --fg: #1c1b1f; --muted: #5c4a47; --border: #e0b4ac; --accent: #c62828; --btn-bg: #ffffff; --btn-fg: #1c1b1f; --focus: #1565c0; }
  .card[data-level="suspicious"] { --bg: #fffaf0; --border: #f0c98a; --accent: #b45309; --muted: #5c4a2e; }
  .card[data-theme="dark"] { --bg: #2a1c1b; --fg: #f3eeee; --muted: #d7c3bf; --border: #7a3b35; --accent: #ff8a80; --btn-bg: #3a3b3c; --btn-fg: #e4e6eb; --focus: #90caf9; }
  .card[data-theme="dark"][data-level="suspicious"] { --bg: #2b2416; --border: #7a5a22; --accent: #ffb74d; --muted: #d9c9a8; }
  @media (prefers-color-scheme: dark) {
    .card[data-theme="auto"] { --bg: #2a1c1b; --fg: #f3eeee; --muted: #d7c3bf; --border: #7a3b35; --accent: #ff8a80; --btn-bg: #3a3b3c; --btn-fg: #e4e6eb; --focus: #90caf9; }
    .card[data-theme="auto"][data-level="suspicious"] { --bg: #2b2416; --border: #7a5a22; --accent: #ffb74d; --muted: #d9c9a8; }
  }
`;

/** Host resets: a page stylesheet (even with !important) cannot hide or restyle our host, because important
 *  declarations of the shadow tree's :host win over the page's. */
const HOST_RESET = `
  :host { all: initial !important; display: block !important; visibility: visible !important; opacity: 1 !important;
          position: static !important; transform: none !important; clip-path: none !important; filter: none !important;
          contain: content; }
`;

const COMMON = `
  .card { box-sizing: border-box; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
          color: var(--fg); background: var(--bg); border: 1px solid var(--border); border-left: 4px solid var(--accent);
          border-radius: 8px; padding: 10px 12px; margin: 8px 0; text-align: left; white-space: normal; }
  .head { display: flex; gap: 6px; align-items: baseline; flex-wrap: wrap; }
  .icon { color: var(--accent); font-weight: 700; }
  .title { font-weight: 700; color: var(--accent); font-size: 15px; margin: 0; }
  .family { color: var(--muted); }
  .signs { margin: 6px 0 0; }
  .sign { display: inline-block; background: color-mix(in srgb, var(--accent) 14%, transparent); border-radius: 4px; padding: 0 4px; margin: 2px 4px 2px 0; }
  .actions { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 8px; }
  button, .link-button { font: inherit; font-weight: 600; cursor: pointer; border-radius: 6px; border: 1px solid var(--border);
           background: var(--btn-bg); color: var(--btn-fg); padding: 4px 10px; text-decoration: none; }
  button.primary { background: var(--accent); color: #fff; border-color: var(--accent); }
  .card[data-theme="dark"] button.primary { color: #1c1b1f; }
  button:focus-visible, a:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
  .why { margin-top: 8px; border-top: 1px solid var(--border); padding-top: 8px; }
  .why[hidden] { display: none; }
  .why h3, .why h4 { font-size: 14px; margin: 6px 0 2px; }
  .why p, .why ul { margin: 2px 0; }
  .why ul { padding-left: 18px; }
  .status { margin: 6px 0 0; color: var(--muted); min-height: 0; }
  .status:empty { display: none; }
  a { color: var(--accent); }
`;

export const WARNING_CSS = HOST_RESET + PALETTE + COMMON;

export const BANNER_CSS =
  HOST_RESET.replace('position: static !important;', 'position: fixed !important; top: 0 !important; left: 0 !important; right: 0 !important; z-index: 2147483647 !important;') +
  PALETTE +
  COMMON +
  `
  .card { margin: 0; border-radius: 0 0 10px 10px; border-left-width: 1px; border-top: 0; max-height: 90vh; overflow: auto;
          box-shadow: 0 6px 24px rgba(0,0,0,.35); padding: 14px 18px; font-size: 15px; }
  .card[data-strength="danger"] { border-top: 6px solid var(--accent); }
  .title { font-size: 18px; }
  .card[data-strength="danger"] .title { font-size: 20px; }
  .collapsed { display: inline-flex; gap: 8px; align-items: center; }
  section { margin-top: 8px; }
  h3 { font-size: 15px; margin: 8px 0 2px; }
`;
