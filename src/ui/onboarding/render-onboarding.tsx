import { render } from 'preact';
import '@/src/ui/styles.css';
import { OnboardingApp } from './onboarding-app';

export function renderOnboarding(root: HTMLElement): void {
  render(<OnboardingApp />, root);
}
