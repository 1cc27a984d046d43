// An icon prop: an emoji, or `:material/name:` drawn as a Material Symbols ligature.

export function Icon({ icon }: { icon: string }) {
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
