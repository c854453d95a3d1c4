import { useEffect, useState } from 'preact/hooks';
import { settingsItem, type Settings } from '@/src/shared/settings';

/** The settings (live: other pages and the popup may change them) and a save function. */
export function useSettings(): { settings: Settings | null; save: (next: Settings) => Promise<void> } {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    void settingsItem.getValue().then(setSettings);
    return settingsItem.watch((next) => setSettings(next));
  }, []);
  const save = async (next: Settings) => {
    setSettings(next);
    await settingsItem.setValue(next);
  };
  return { settings, save };
}
