import { render } from 'preact';
import '@/src/ui/styles.css';
import { PopupApp } from './popup-app';

export function renderPopup(root: HTMLElement): void {
  render(<PopupApp />, root);
}
