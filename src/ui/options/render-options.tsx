import { render } from 'preact';
import '@/src/ui/styles.css';
import { OptionsApp } from './options-app';

export function renderOptions(root: HTMLElement): void {
  render(<OptionsApp />, root);
}
