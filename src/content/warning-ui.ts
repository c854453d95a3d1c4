/**
 * The inline warning: a `<canhgiac-warning data-verdict="scam|suspicious">` host appended inside a flagged item,
 * with its UI in a CLOSED shadow root (the page cannot read what we found or restyle it). Every string is rendered
 * as text. Keyboard: real buttons; "why" is a disclosure (aria-expanded/aria-controls); results are announced in a
 * polite live region. The page sees only the host element and its data-verdict.
 */
import { translate, type Language } from '@/src/shared/i18n';
import { createElement, createShadowCard, withStatus } from './build-dom';
import type { VerdictView } from './describe-verdict';
import { WARNING_CSS, type Theme } from './ui-theme';

export const WARNING_TAG = 'canhgiac-warning';

export interface WarningActions {
  report(): Promise<void>;
  dismiss(): Promise<void>;
}

export interface WarningHost {
  readonly host: HTMLElement;
  render(view: VerdictView, language: Language, theme: Theme): void;
  setTheme(theme: Theme): void;
}

/** `mode` is `closed` in the product; DOM tests pass `open` to look inside. */
export function createWarningHost(doc: Document, actions: WarningActions, mode: ShadowRootMode = 'closed'): WarningHost {
  const shadowCard = createShadowCard(doc, WARNING_TAG, WARNING_CSS, mode);
  const host = shadowCard.host;
  let whyOpen = false;

  const render = (view: VerdictView, language: Language, theme: Theme) => {
    const t = (key: string, subs: (string | number)[] = []) => translate(language, key, subs);
    host.setAttribute('data-verdict', view.level);
    const status = createElement(doc, 'p', { class: 'status', role: 'status', 'aria-live': 'polite' });
    const whyPanel = createElement(
      doc,
      'div',
      { class: 'why', id: 'why', hidden: !whyOpen },
      view.description ? createElement(doc, 'p', {}, view.description) : null,
      view.reasons.length > 0 ? createElement(doc, 'ul', {}, ...view.reasons.map((r) => createElement(doc, 'li', {}, r))) : null,
      createElement(doc, 'h4', {}, t('warningWhatToDo')),
      createElement(doc, 'p', {}, view.advice ?? t('bannerDefaultAdvice')),
      createElement(doc, 'p', {}, t('warningHighlightNote')),
    );
    const whyButton = createElement(
      doc,
      'button',
      {
        type: 'button',
        'aria-expanded': String(whyOpen),
        'aria-controls': 'why',
        onclick: () => {
          whyOpen = !whyOpen;
          whyPanel.hidden = !whyOpen;
          whyButton.setAttribute('aria-expanded', String(whyOpen));
          whyButton.textContent = whyOpen ? t('warningWhyHide') : t('warningWhy');
        },
      },
      whyOpen ? t('warningWhyHide') : t('warningWhy'),
    );
    const runAction = (action: () => Promise<void>, done: string | null, failKey: string) =>
      withStatus(status, (error) => t(failKey, [error]))(action, done);
    const next = createElement(
      doc,
      'div',
      { class: 'card', role: 'note', 'aria-labelledby': 'title', 'data-level': view.level, 'data-theme': theme, lang: language },
      createElement(
        doc,
        'div',
        { class: 'head' },
        createElement(doc, 'span', { class: 'icon', 'aria-hidden': 'true' }, '⚠'),
        createElement(
          doc,
          'h3',
          { class: 'title', id: 'title' },
          `${t('warningLabel')}: ${view.level === 'scam' ? t('warningTitleScam') : t('warningTitleSuspicious')}`,
        ),
        view.familyName ? createElement(doc, 'span', { class: 'family' }, t('warningFamily', [view.familyName])) : null,
      ),
      view.signs.length > 0
        ? createElement(
            doc,
            'p',
            { class: 'signs' },
            `${t('warningSigns')} `,
            ...view.signs.map((sign) => createElement(doc, 'span', { class: 'sign' }, `“${sign}”`)),
          )
        : null,
      createElement(
        doc,
        'div',
        { class: 'actions' },
        whyButton,
        createElement(doc, 'button', { type: 'button', onclick: runAction(actions.report, t('warningReportOpened'), 'warningReportFailed') }, t('warningReport')),
        createElement(doc, 'button', { type: 'button', onclick: runAction(actions.dismiss, null, 'warningDismissFailed') }, t('warningNotScam')),
      ),
      whyPanel,
      status,
    );
    shadowCard.mount(next);
  };

  return { host, render, setTheme: shadowCard.setTheme };
}
