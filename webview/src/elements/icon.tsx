// An icon prop: an emoji, `:material/name:` drawn as a Material Symbols ligature, or "spinner"
// (Streamlit 1.67 takes it wherever an element has an icon).

export function Icon({ icon }: { icon: string }) {
  if (icon === "spinner")
    return <span class="sp-spinner-wheel sp-icon-spinner" aria-hidden="true" />;
  const material = /^:material\/([a-z0-9_]+):$/.exec(icon);
  if (material) {
    return (
      <span class="sp-material-icon" aria-hidden="true">
        {material[1]}
      </span>
    );
  }
  return <span class="sp-emoji">{icon}</span>;
}
