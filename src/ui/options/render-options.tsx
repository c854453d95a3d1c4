import { render } from 'preact';
import { OptionsApp } from './options-app';

export function renderOptions(root: HTMLElement): void {
  render(<OptionsApp />, root);
}
