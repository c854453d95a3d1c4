import { renderOptions } from '@/src/ui/options/render-options';

renderOptions(document.getElementById('app')!);
