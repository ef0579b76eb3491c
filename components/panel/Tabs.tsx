/**
 * WAI-ARIA tabs (APG "tabs with automatic activation"): one tab stop for the tab list, arrow keys move between
 * tabs and select them, Home/End go to the first/last. Every panel element stays in the DOM (hidden when not
 * selected), so aria-controls always points at an element; a panel's content is rendered the first time it is
 * selected and then kept, so each section keeps its state and the first paint stays small.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

export interface TabSpec<T extends string> {
  id: T;
  label: ComponentChildren;
  content: ComponentChildren;
}

export function Tabs<T extends string>({
  label,
  tabs,
  selected,
  onSelect,
}: {
  label: string;
  tabs: TabSpec<T>[];
  selected: T;
  onSelect: (id: T) => void;
}) {
  const list = useRef<HTMLDivElement>(null);
  const [visited, setVisited] = useState<ReadonlySet<T>>(() => new Set([selected]));
  useEffect(() => setVisited((v) => (v.has(selected) ? v : new Set([...v, selected]))), [selected]);

  const focusTab = (id: T) => {
    onSelect(id);
    list.current?.querySelector<HTMLElement>(`#tab-${id}`)?.focus();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const i = tabs.findIndex((x) => x.id === selected);
    let next: number | undefined;
    if (e.key === 'ArrowRight') next = (i + 1) % tabs.length;
    else if (e.key === 'ArrowLeft') next = (i - 1 + tabs.length) % tabs.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = tabs.length - 1;
    if (next === undefined) return;
    e.preventDefault();
    const target = tabs[next];
    if (target) focusTab(target.id);
  };

  return (
    <div class="tabs">
      <div class="tablist" role="tablist" aria-label={label} ref={list} onKeyDown={onKeyDown}>
        {tabs.map((tab) => {
          const isSelected = tab.id === selected;
          return (
            <button
              key={tab.id}
              type="button"
              role="tab"
              id={`tab-${tab.id}`}
              aria-selected={isSelected ? 'true' : 'false'}
              aria-controls={`panel-${tab.id}`}
              tabIndex={isSelected ? 0 : -1}
              onClick={() => onSelect(tab.id)}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={`panel-${tab.id}`}
          aria-labelledby={`tab-${tab.id}`}
          tabIndex={0}
          hidden={tab.id !== selected}
          class="tabpanel"
        >
          {tab.id === selected || visited.has(tab.id) ? tab.content : null}
        </div>
      ))}
    </div>
  );
}
