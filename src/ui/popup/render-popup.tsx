import { render } from 'preact';
import { PopupApp } from './popup-app';

export function renderPopup(root: HTMLElement): void {
  render(<PopupApp />, root);
}
