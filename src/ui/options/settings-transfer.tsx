import { useRef, useState } from 'preact/hooks';
import type { Settings } from '@/src/shared/settings';
import type { Translate } from '@/src/ui/use-language';
import { parseSettingsFile, serializeSettingsFile } from './settings-file';

/** Export the settings as a JSON file; import one (validated: a bad file changes nothing and says why). */
export function SettingsTransfer({ settings, save, t }: { settings: Settings; save: (next: Settings) => Promise<void>; t: Translate }) {
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const exportSettings = () => {
    const blob = new Blob([serializeSettingsFile(settings, new Date())], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = 'canh-giac-settings.json';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    setMessage({ text: t('optionsExported'), error: false });
  };

  const importSettings = async (file: File | undefined) => {
    if (!file) return;
    try {
      const next = parseSettingsFile(await file.text());
      await save(next);
      setMessage({ text: t('optionsImported'), error: false });
    } catch (error) {
      setMessage({ text: t('optionsImportFailed', [error instanceof Error ? error.message : String(error)]), error: true });
    } finally {
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  return (
    <section aria-labelledby="transfer-heading">
      <h2 id="transfer-heading">{t('optionsTransferHeading')}</h2>
      <div class="row">
        <button type="button" onClick={exportSettings}>
          {t('optionsExport')}
        </button>
        <label for="import-file">{t('optionsImport')}</label>
        <input id="import-file" ref={fileInput} type="file" accept="application/json,.json"
          onChange={(e) => void importSettings((e.currentTarget as HTMLInputElement).files?.[0])} />
      </div>
      <p class={message?.error ? 'error' : 'muted'} role="status" aria-live="polite" data-testid="transfer-status">
        {message?.text ?? ''}
      </p>
    </section>
  );
}
