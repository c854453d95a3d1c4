import { renderPopup } from '@/src/ui/popup/render-popup';

renderPopup(document.getElementById('app')!);
