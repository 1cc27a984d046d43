// `selectbox` and `multiselect`: a text box with a filtered listbox (role combobox/listbox),
// fully keyboard driven (↑/↓, Enter, Escape, Backspace removes the last chip).

import { useRef, useState } from "preact/hooks";
import { controlId, useWidget, widgetProps, WidgetLabel } from "../core/ui";
import type { ElementProps, SelectboxProps } from "../core/types";
import { registerElement } from "../core/types";

/** Does `option` match the typed `query` under the widget's `filter_mode` (absent: fuzzy)? */
export function matches(
  option: string,
  query: string,
  mode: SelectboxProps["filter_mode"],
): boolean {
  if (!query) return true;
  const o = option.toLowerCase();
  const q = query.toLowerCase();
  if (mode === null) return true;
  if (mode === "prefix") return o.startsWith(q);
  if (mode === "contains") return o.includes(q);
  let i = 0; // fuzzy: the query's characters in order
  for (const ch of o) if (ch === q[i]) i++;
  return i === q.length;
}

interface ListProps {
  id: string;
  items: { index: number | string; label: string }[];
  active: number;
  onPick: (index: number | string) => void;
  empty: string;
}

function Listbox({ id, items, active, onPick, empty }: ListProps) {
  return (
    <ul class="sp-listbox" role="listbox" id={`${id}-list`}>
      {items.length === 0 && <li class="sp-listbox-empty">{empty}</li>}
      {items.map((item, i) => (
        <li
          key={String(item.index)}
          id={`${id}-opt-${i}`}
          role="option"
          aria-selected={i === active}
          class={i === active ? "sp-option sp-active" : "sp-option"}
          // mousedown, not click: it must win over the input's blur, which closes the list.
          onMouseDown={(e) => {
            e.preventDefault();
            onPick(item.index);
          }}
        >
          {item.label}
        </li>
      ))}
    </ul>
  );
}

/** Shared keyboard handling for the combobox input. */
function useCombo() {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [query, setQuery] = useState("");
  const keys = (e: KeyboardEvent, count: number, pick: () => void) => {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      if (!open) setOpen(true);
      else setActive(Math.min(count - 1, active + 1));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive(Math.max(0, active - 1));
    } else if (e.key === "Enter") {
      e.preventDefault();
      if (open) pick();
      else setOpen(true);
    } else if (e.key === "Escape") {
      setOpen(false);
      setQuery("");
    }
  };
  return { open, setOpen, active, setActive, query, setQuery, keys };
}

function Selectbox(props: ElementProps<"selectbox">) {
  const { node } = props;
  const { disabled } = widgetProps(node);
  const [value, set] = useWidget(props);
  const { options } = node.props;
  const id = controlId(node);
  const acceptNew = node.props.accept_new_options === true;
  const selectedLabel =
    typeof value === "number" ? (options[value] ?? "") : typeof value === "string" ? value : "";
  const combo = useCombo();
  const items = options
    .map((label, index) => ({ index: index as number | string, label }))
    .filter((o) => matches(o.label, combo.query, node.props.filter_mode));
  if (acceptNew && combo.query && !options.includes(combo.query))
    items.push({ index: combo.query, label: `Add: ${combo.query}` });
  const pick = (index: number | string) => {
    combo.setOpen(false);
    combo.setQuery("");
    if (index !== value) set(index);
  };
  const placeholder = node.props.placeholder ?? "Choose an option";
  return (
    <div class={`sp-widget sp-select${disabled ? " sp-disabled" : ""}`}>
      <WidgetLabel node={node} htmlFor={id} />
      <div class={`sp-combo${combo.open ? " sp-open" : ""}`}>
        <input
          id={id}
          class="sp-input sp-combo-input"
          role="combobox"
          aria-expanded={combo.open}
          aria-controls={`${id}-list`}
          aria-autocomplete="list"
          aria-activedescendant={combo.open ? `${id}-opt-${combo.active}` : undefined}
          disabled={disabled}
          placeholder={selectedLabel || placeholder}
          value={combo.open ? combo.query : selectedLabel}
          onFocus={() =>
            combo.setActive(
              Math.max(
                0,
                items.findIndex((o) => o.index === value),
              ),
            )
          }
          onClick={() => combo.setOpen(!combo.open)}
          onInput={(e) => {
            combo.setQuery((e.currentTarget as HTMLInputElement).value);
            combo.setActive(0);
            combo.setOpen(true);
          }}
          onKeyDown={(e) =>
            combo.keys(e, items.length, () => {
              const item = items[combo.active];
              if (item) pick(item.index);
            })
          }
          onBlur={() => {
            combo.setOpen(false);
            combo.setQuery("");
          }}
        />
        <span class="sp-combo-caret" aria-hidden="true" />
        {combo.open && (
          <Listbox id={id} items={items} active={combo.active} onPick={pick} empty="No results" />
        )}
      </div>
    </div>
  );
}

function Multiselect(props: ElementProps<"multiselect">) {
  const { node } = props;
  const { disabled } = widgetProps(node);
  const [value, set] = useWidget(props);
  const { options } = node.props;
  const id = controlId(node);
  const max = node.props.max_selections;
  const full = max !== undefined && value.length >= max;
  const inputRef = useRef<HTMLInputElement>(null);
  const [query, setQueryState] = useState("");
  const combo = useCombo();
  const items = full
    ? []
    : options
        .map((label, index) => ({ index: index as number | string, label }))
        .filter((o) => !value.includes(o.index) && matches(o.label, query, node.props.filter_mode));
  if (
    !full &&
    node.props.accept_new_options === true &&
    query &&
    !options.includes(query) &&
    !value.includes(query)
  ) {
    items.push({ index: query, label: `Add: ${query}` });
  }
  const setQuery = (q: string) => {
    setQueryState(q);
    combo.setQuery(q);
  };
  const label = (v: number | string) => (typeof v === "number" ? (options[v] ?? "") : v);
  const pick = (index: number | string) => {
    setQuery("");
    combo.setActive(0);
    set([...value, index]);
  };
  const placeholder = node.props.placeholder ?? "Choose options";
  return (
    <div class={`sp-widget sp-select sp-multiselect${disabled ? " sp-disabled" : ""}`}>
      <WidgetLabel node={node} htmlFor={id} />
      <div
        class={`sp-combo${combo.open ? " sp-open" : ""}`}
        onClick={() => inputRef.current?.focus()}
      >
        <div class="sp-chips">
          {value.map((v) => (
            <span key={String(v)} class="sp-chip">
              {label(v)}
              <button
                type="button"
                class="sp-chip-remove"
                aria-label={`Remove ${label(v)}`}
                disabled={disabled}
                onClick={(e) => {
                  e.stopPropagation();
                  set(value.filter((x) => x !== v));
                }}
              >
                ×
              </button>
            </span>
          ))}
          <input
            id={id}
            ref={inputRef}
            class="sp-combo-input sp-chip-input"
            role="combobox"
            aria-expanded={combo.open}
            aria-controls={`${id}-list`}
            aria-autocomplete="list"
            aria-activedescendant={
              combo.open && items.length ? `${id}-opt-${combo.active}` : undefined
            }
            disabled={disabled}
            placeholder={value.length === 0 ? placeholder : ""}
            value={query}
            onFocus={() => combo.setOpen(true)}
            onBlur={() => {
              combo.setOpen(false);
              setQuery("");
            }}
            onInput={(e) => {
              setQuery((e.currentTarget as HTMLInputElement).value);
              combo.setActive(0);
              combo.setOpen(true);
            }}
            onKeyDown={(e) => {
              if (e.key === "Backspace" && query === "" && value.length > 0) {
                set(value.slice(0, -1));
                return;
              }
              combo.keys(e, items.length, () => {
                const item = items[combo.active];
                if (item) pick(item.index);
              });
            }}
          />
        </div>
        {value.length > 0 && !disabled && (
          <button
            type="button"
            class="sp-clear"
            aria-label="Clear all"
            onClick={(e) => {
              e.stopPropagation();
              set([]);
            }}
          >
            ×
          </button>
        )}
        {combo.open && (
          <Listbox
            id={id}
            items={items}
            active={combo.active}
            onPick={pick}
            empty={
              full
                ? `You can only select up to ${max} option${max === 1 ? "" : "s"}. Remove an option first.`
                : "No results"
            }
          />
        )}
      </div>
    </div>
  );
}

registerElement("selectbox", Selectbox);
registerElement("multiselect", Multiselect);
