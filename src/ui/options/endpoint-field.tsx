import { useEffect, useState } from 'preact/hooks';
import type { Translate } from '@/src/ui/use-language';
import { isAcceptableEndpoint } from './settings-file';

interface Props {
  id: string;
  label: string;
  /** The person's override (null: use the build's). */
  value: string | null;
  buildDefault: string;
  onSave: (value: string | null) => Promise<void>;
  t: Translate;
}

/** A URL override with validation: empty restores the build's default. */
export function EndpointField({ id, label, value, buildDefault, onSave, t }: Props) {
  const [draft, setDraft] = useState(value ?? '');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  useEffect(() => setDraft(value ?? ''), [value]);

  const submit = async (event: Event) => {
    event.preventDefault();
    const trimmed = draft.trim();
    if (trimmed && !isAcceptableEndpoint(trimmed)) {
      setMessage({ text: t('optionsEndpointInvalid'), error: true });
      return;
    }
    await onSave(trimmed || null);
    setMessage({ text: t('optionsSaved'), error: false });
  };

  return (
    <form class="stack" onSubmit={(e) => void submit(e)} noValidate>
      <label for={id}>{label}</label>
      <input id={id} type="url" value={draft} placeholder={buildDefault || t('optionsEndpointNone')}
        aria-describedby={`${id}-hint ${id}-status`} aria-invalid={message?.error ? 'true' : 'false'}
        onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)} />
      <span id={`${id}-hint`} class="muted">
        {buildDefault ? t('optionsEndpointDefault', [buildDefault]) : t('optionsEndpointNoDefault')}
      </span>
      <div class="row">
        <button type="submit">{t('optionsSave')}</button>
        <span id={`${id}-status`} class={message?.error ? 'error' : 'muted'} role="status" aria-live="polite">
          {message?.text ?? ''}
        </span>
      </div>
    </form>
  );
}
