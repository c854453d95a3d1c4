import { renderOnboarding } from '@/src/ui/onboarding/render-onboarding';

renderOnboarding(document.getElementById('app')!);
