import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

interface Props<T> {
  items: readonly T[];
  /** Every row is this tall (px): what makes rendering only the visible rows exact and cheap. */
  rowHeight: number;
  /** The list's own height (px); it scrolls inside it. */
  height: number;
  label: string;
  selected: number;
  id: string;
  keyOf(item: T): string;
  renderRow(item: T, index: number, selected: boolean): ComponentChildren;
  onSelect(index: number): void;
  onActivate(index: number): void;
}

/** Rows drawn beyond the visible ones, so fast scrolling shows no gaps. */
const OVERSCAN = 6;

/**
 * A listbox that renders only the rows in view (10,000 notes cost as much as a screenful). The
 * selected row is the active descendant, so screen readers follow the arrow keys.
 */
export function VirtualList<T>(props: Props<T>) {
  const { items, rowHeight, height, selected } = props;
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);

  // Keep the selected row in view as the arrow keys move it.
  useLayoutEffect(() => {
    const el = box.current;
    if (!el || selected < 0) return;
    const top = selected * rowHeight;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + rowHeight > el.scrollTop + height) el.scrollTop = top + rowHeight - height;
  }, [selected, rowHeight, height]);

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(items.length, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN);
  const rows = [];
  for (let i = first; i < last; i++) {
    const item = items[i]!;
    rows.push(
      <div
        key={props.keyOf(item)}
        id={`${props.id}-row-${i}`}
        role="option"
        aria-selected={i === selected}
        aria-setsize={items.length}
        aria-posinset={i + 1}
        class={`vrow${i === selected ? ' selected' : ''}`}
        style={{ top: `${i * rowHeight}px`, height: `${rowHeight}px` }}
        onClick={() => props.onSelect(i)}
        onDblClick={() => props.onActivate(i)}
      >
        {props.renderRow(item, i, i === selected)}
      </div>,
    );
  }
  return (
    <div
      ref={box}
      id={props.id}
      class="vlist"
      role="listbox"
      tabIndex={0}
      aria-label={props.label}
      aria-activedescendant={selected >= 0 && selected < items.length ? `${props.id}-row-${selected}` : undefined}
      style={{ height: `${height}px` }}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
    >
      <div class="vlist-inner" style={{ height: `${items.length * rowHeight}px` }}>
        {rows}
      </div>
    </div>
  );
}
