/**
 * The inline warning: a `<canhgiac-warning data-verdict="scam|suspicious">` host appended inside a flagged item,
 * with its UI in a CLOSED shadow root (the page cannot read what we found or restyle it). Every string is rendered
 * as text. Keyboard: real buttons; "why" is a disclosure (aria-expanded/aria-controls); results are announced in a
 * polite live region. The page sees only the host element and its data-verdict.
 */
import { translate, type Language } from '@/src/shared/i18n';
import { createElement } from './build-dom';
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
  const host = doc.createElement(WARNING_TAG);
  const shadow = host.attachShadow({ mode });
  let card: HTMLElement | null = null;
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
    const runAction = (action: () => Promise<void>, done: string | null, failKey: string) => async () => {
      try {
        await action();
        if (done) status.textContent = done;
      } catch (error) {
        status.textContent = t(failKey, [error instanceof Error ? error.message : String(error)]);
      }
    };
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
    if (!shadow.firstChild) shadow.appendChild(createElement(doc, 'style', {}, WARNING_CSS));
    if (card) card.replaceWith(next);
    else shadow.appendChild(next);
    card = next;
  };

  return {
    host,
    render,
    setTheme(theme) {
      card?.setAttribute('data-theme', theme);
    },
  };
}
