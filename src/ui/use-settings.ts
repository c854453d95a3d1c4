import { useEffect, useState } from 'preact/hooks';
import { settingsItem, withDefaults, type Settings } from '@/src/shared/settings';

/** The settings (live: other pages and the popup may change them) and a save function. */
export function useSettings(): { settings: Settings | null; save: (next: Settings) => Promise<void> } {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    // Stored settings may lack fields (older versions, hand edits): fill them in before the UI reads them.
    void settingsItem.getValue().then((value) => setSettings(withDefaults(value)));
    return settingsItem.watch((next) => setSettings(withDefaults(next)));
  }, []);
  const save = async (next: Settings) => {
    setSettings(next);
    await settingsItem.setValue(next);
  };
  return { settings, save };
}
