interface Props {
  label: string;
  checked: boolean;
  disabled?: boolean;
  description?: string;
  onChange(checked: boolean): void;
}

/** A labelled switch: a real checkbox (keyboard and screen readers get it for free), styled. */
export function Toggle({ label, checked, disabled, description, onChange }: Props) {
  return (
    <label class="toggle">
      <input type="checkbox" role="switch" checked={checked} disabled={disabled} onChange={(e) => onChange(e.currentTarget.checked)} />
      <span class="toggle-track" aria-hidden="true">
        <span class="toggle-thumb" />
      </span>
      <span class="toggle-text">
        {label}
        {description && <small>{description}</small>}
      </span>
    </label>
  );
}
