/**
 * The page-level warning: `<canhgiac-banner data-verdict="scam|suspicious">` appended to <html>, fixed at the top,
 * UI in a CLOSED shadow root: what was found and why, what to do, official help, "report", "leave this page",
 * "I trust this site", and "minimize". A dangerous lookalike/blocklisted domain gets a stronger warning (title
 * naming the fake address, heavier frame) than text indicators alone.
 */
import { translate, type Language } from '@/src/shared/i18n';
import { createElement, createShadowCard, withStatus } from './build-dom';
import type { VerdictView } from './describe-verdict';
import { BANNER_CSS, type Theme } from './ui-theme';

export const BANNER_TAG = 'canhgiac-banner';
const OFFICIAL_HELP_URL = 'https://canhbao.khonggianmang.vn/';

export interface BannerActions {
  report(): Promise<void>;
  leave(): void;
  trust(): Promise<void>;
}

export interface PageBanner {
  readonly host: HTMLElement;
  render(view: VerdictView, language: Language, theme: Theme): void;
  setTheme(theme: Theme): void;
}

/** `mode` is `closed` in the product; DOM tests pass `open` to look inside. */
export function createPageBanner(doc: Document, actions: BannerActions, mode: ShadowRootMode = 'closed'): PageBanner {
  const shadowCard = createShadowCard(doc, BANNER_TAG, BANNER_CSS, mode);
  const { host, shadow } = shadowCard;
  let minimized = false;
  let last: { view: VerdictView; language: Language; theme: Theme } | null = null;

  const render = (view: VerdictView, language: Language, theme: Theme) => {
    last = { view, language, theme };
    const t = (key: string, subs: (string | number)[] = []) => translate(language, key, subs);
    host.setAttribute('data-verdict', view.level);
    const strength = view.dangerousHost ? 'danger' : 'text';
    const title = view.dangerousHost
      ? t('bannerTitleLookalike', [view.dangerousHost])
      : view.level === 'scam'
        ? t('bannerTitleScam')
        : t('bannerTitleSuspicious');
    const status = createElement(doc, 'p', { class: 'status', role: 'status', 'aria-live': 'polite' });
    const toggle = () => {
      minimized = !minimized;
      if (last) render(last.view, last.language, last.theme);
      (shadow.querySelector('button[data-role="toggle"]') as HTMLButtonElement | null)?.focus();
    };
    const attempt = (action: () => Promise<void>, doneKey: string | null, failKey: string) =>
      withStatus(status, (error) => t(failKey, [error]))(action, doneKey && t(doneKey));
    const next = minimized
      ? createElement(
          doc,
          'div',
          { class: 'card collapsed', role: 'alert', 'data-level': view.level, 'data-theme': theme, 'data-strength': strength, lang: language },
          createElement(doc, 'span', { class: 'icon', 'aria-hidden': 'true' }, '⚠'),
          createElement(doc, 'strong', { class: 'title' }, title),
          createElement(doc, 'button', { type: 'button', 'data-role': 'toggle', 'aria-expanded': 'false', onclick: toggle }, t('bannerExpand')),
        )
      : createElement(
          doc,
          'div',
          {
            class: 'card',
            role: 'alertdialog',
            'aria-modal': 'false',
            'aria-labelledby': 'title',
            'aria-describedby': 'found',
            'data-level': view.level,
            'data-theme': theme,
            'data-strength': strength,
            lang: language,
          },
          createElement(
            doc,
            'div',
            { class: 'head' },
            createElement(doc, 'span', { class: 'icon', 'aria-hidden': 'true' }, '⚠'),
            createElement(doc, 'h2', { class: 'title', id: 'title' }, title),
            view.familyName ? createElement(doc, 'span', { class: 'family' }, t('warningFamily', [view.familyName])) : null,
          ),
          createElement(
            doc,
            'section',
            { id: 'found' },
            createElement(doc, 'h3', {}, t('bannerFound')),
            view.description ? createElement(doc, 'p', {}, view.description) : null,
            view.reasons.length > 0 ? createElement(doc, 'ul', {}, ...view.reasons.map((r) => createElement(doc, 'li', {}, r))) : null,
            view.signs.length > 0
              ? createElement(
                  doc,
                  'p',
                  { class: 'signs' },
                  `${t('warningSigns')} `,
                  ...view.signs.map((s) => createElement(doc, 'span', { class: 'sign' }, `“${s}”`)),
                )
              : null,
          ),
          createElement(
            doc,
            'section',
            {},
            createElement(doc, 'h3', {}, t('bannerWhatToDo')),
            createElement(doc, 'p', {}, view.advice ?? t('bannerDefaultAdvice')),
            createElement(
              doc,
              'p',
              {},
              createElement(doc, 'strong', {}, t('bannerOfficialHelp')),
              ' ',
              createElement(doc, 'a', { href: OFFICIAL_HELP_URL, target: '_blank', rel: 'noopener noreferrer' }, t('bannerOfficialHelpText')),
            ),
          ),
          createElement(
            doc,
            'div',
            { class: 'actions' },
            createElement(doc, 'button', { type: 'button', class: 'primary', 'data-role': 'leave', onclick: () => actions.leave() }, t('bannerLeave')),
            createElement(doc, 'button', { type: 'button', 'data-role': 'report', onclick: attempt(actions.report, 'warningReportOpened', 'warningReportFailed') }, t('bannerReport')),
            createElement(doc, 'button', { type: 'button', 'data-role': 'trust', onclick: attempt(actions.trust, null, 'bannerTrustFailed') }, t('bannerTrust')),
            createElement(doc, 'button', { type: 'button', 'data-role': 'toggle', 'aria-expanded': 'true', onclick: toggle }, t('bannerMinimize')),
          ),
          status,
        );
    shadowCard.mount(next);
  };

  return { host, render, setTheme: shadowCard.setTheme };
}
