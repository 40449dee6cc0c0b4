import { HOVER_DELAY_RANGE, type Settings } from '@/lib/settings';
import { Toggle } from '../shared/Toggle';

interface Props {
  settings: Settings;
  /** Term id -> label, to name hidden terms. */
  termLabels: Map<string, string>;
  onChange(patch: Partial<Settings>): void;
}

/** The reader's settings; every change applies to open tabs at once. */
export function SettingsForm({ settings, termLabels, onChange }: Props) {
  return (
    <form class="settings" onSubmit={(e) => e.preventDefault()}>
      <fieldset>
        <legend>How mentions look</legend>
        <label class="choice">
          <input type="radio" name="style" value="quiet" checked={settings.style === 'quiet'} onChange={() => onChange({ style: 'quiet' })} />
          Quiet: a dotted underline <small>Keeps a page full of mentions readable.</small>
        </label>
        <label class="choice">
          <input type="radio" name="style" value="strong" checked={settings.style === 'strong'} onChange={() => onChange({ style: 'strong' })} />
          Strong: a tinted background <small>Easier to spot when skimming.</small>
        </label>
        <Toggle label="Mark only the first mention of each term" checked={settings.firstMentionOnly} onChange={(on) => onChange({ firstMentionOnly: on })} />
      </fieldset>

      <fieldset>
        <legend>The card</legend>
        <label class="slider">
          Open the card after resting on a mention for <output>{settings.hoverDelayMs} ms</output>
          <input type="range" min={HOVER_DELAY_RANGE.min} max={HOVER_DELAY_RANGE.max} step={50} value={settings.hoverDelayMs} onChange={(e) => onChange({ hoverDelayMs: Number(e.currentTarget.value) })} />
        </label>
      </fieldset>

      <fieldset>
        <legend>Where it runs</legend>
        <Toggle label="Highlight on all sites" checked={settings.enabled} onChange={(on) => onChange({ enabled: on })} />
        {settings.disabledSites.length > 0 && (
          <>
            <p>Turned off on:</p>
            <ul class="list">
              {settings.disabledSites.map((site) => (
                <li key={site}>
                  {site}{' '}
                  <button type="button" onClick={() => onChange({ disabledSites: settings.disabledSites.filter((s) => s !== site) })} aria-label={`Turn back on for ${site}`}>
                    Turn back on
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </fieldset>

      <fieldset>
        <legend>Terms you chose not to highlight</legend>
        {settings.hiddenTerms.length === 0 ? (
          <p class="muted">None. Use “Don’t highlight” on a card to hide a term.</p>
        ) : (
          <ul class="list">
            {settings.hiddenTerms.map((id) => (
              <li key={id}>
                {termLabels.get(id) ?? id}{' '}
                <button type="button" onClick={() => onChange({ hiddenTerms: settings.hiddenTerms.filter((t) => t !== id) })} aria-label={`Highlight ${termLabels.get(id) ?? id} again`}>
                  Highlight again
                </button>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
    </form>
  );
}
