import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

/** One tab: its key and its label. */
export interface TabSpec<K extends string> {
  key: K;
  label: string;
}

interface Props<K extends string> {
  tabs: TabSpec<K>[];
  current: K;
  onChange(key: K): void;
  children: ComponentChildren;
}

/** ARIA tabs: Left/Right (and Home/End) move between them, the panel follows. */
export function PopupTabs<K extends string>({ tabs, current, onChange, children }: Props<K>) {
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (e: KeyboardEvent) => {
    const at = tabs.findIndex((t) => t.key === current);
    const to = e.key === 'ArrowRight' ? (at + 1) % tabs.length : e.key === 'ArrowLeft' ? (at - 1 + tabs.length) % tabs.length : e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : -1;
    if (to < 0) return;
    e.preventDefault();
    onChange(tabs[to]!.key);
    setTimeout(() => list.current?.querySelectorAll<HTMLElement>('[role=tab]')[to]?.focus());
  };
  return (
    <>
      <div class="tabs" role="tablist" aria-label="Views" ref={list} onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button key={t.key} type="button" role="tab" id={`tab-${t.key}`} aria-controls={`panel-${t.key}`} aria-selected={t.key === current} tabIndex={t.key === current ? 0 : -1} onClick={() => onChange(t.key)}>
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${current}`} aria-labelledby={`tab-${current}`} class="tabpanel">
        {children}
      </div>
    </>
  );
}
