/** The reader's settings in a Preact page (popup, options): read once, then kept current. */
import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { readSettings, watchSettings } from '@/lib/storage';

/** The settings as stored, and as any context changes them; `set` shows a value just written. */
export function useSettings(onError: (message: string) => void): [Settings, (next: Settings) => void] {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  useEffect(() => {
    readSettings().then(setSettings, (error: unknown) => onError(`Your settings could not be read: ${(error as Error).message}`));
    return watchSettings(setSettings);
  }, []);
  return [settings, setSettings];
}
