// A theme's colours as Streamlit 1.67 gives them to custom components (`streamlit:render`'s
// `theme`): its own colours as hex (`#FFFFFF`, as a theme's config writes them, not the
// `rgb(…)` the page computes), and the colours it derives from them (`fadedText60`, `bgMix`…):
// faded text for lines and secondary text, mixes of the two backgrounds for icons and hovers,
// with the arithmetic and CSS forms of the color2k functions Streamlit computes them with
// (transparentize → rgba, lighten/darken → hsla, mix → rgba).

/** Colours derived from a theme, by Streamlit's names. */
export interface DerivedColors {
  fadedText05: string;
  fadedText10: string;
  fadedText20: string;
  fadedText40: string;
  fadedText60: string;
  fadedText70: string;
  bgMix: string;
  darkenedBgMix100: string;
  darkenedBgMix40: string;
  darkenedBgMix25: string;
  darkenedBgMix15: string;
  lightenedBg05: string;
}

type Rgba = [number, number, number, number];

/** `rgb(…)`/`rgba(…)` (what getComputedStyle gives), `hsl(…)`/`hsla(…)`, or `#rgb[a]`/`#rrggbb[aa]`. */
export function parseColor(css: string): Rgba {
  const text = css.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3,8})$/.exec(text)?.[1];
  if (hex !== undefined && [3, 4, 6, 8].includes(hex.length)) {
    const digits = hex.length <= 4 ? [...hex].map((d) => d + d) : (hex.match(/../g) ?? []);
    const [r = 0, g = 0, b = 0, a = 255] = digits.map((d) => parseInt(d, 16));
    return [r, g, b, a / 255];
  }
  const parts = /^(rgba?|hsla?)\(([^)]*)\)$/.exec(text);
  if (parts === null) return [0, 0, 0, 1];
  const values = (parts[2] ?? "").split(/[\s,/]+/).filter((v) => v !== "");
  const number = (v: string | undefined, scale: number): number =>
    v === undefined ? NaN : v.endsWith("%") ? (parseFloat(v) / 100) * scale : parseFloat(v);
  const alpha = values[3] === undefined ? 1 : number(values[3], 1);
  if (parts[1]!.startsWith("rgb")) {
    return [number(values[0], 255), number(values[1], 255), number(values[2], 255), alpha];
  }
  return [
    ...hslToRgb(parseFloat(values[0] ?? "0"), number(values[1], 1), number(values[2], 1)),
    alpha,
  ];
}

const clamp = (low: number, high: number, n: number): number => Math.min(Math.max(low, n), high);

/** A CSS colour as `#RRGGBB` (`#RRGGBBAA` when not opaque). */
export function toHex(css: string): string {
  const [r, g, b, a] = parseColor(css);
  const byte = (n: number): string =>
    Math.round(clamp(0, 255, n))
      .toString(16)
      .padStart(2, "0")
      .toUpperCase();
  return `#${byte(r)}${byte(g)}${byte(b)}${a < 1 ? byte(a * 255) : ""}`;
}

function rgba([r, g, b, a]: Rgba): string {
  const byte = (n: number): string => clamp(0, 255, n).toFixed();
  return `rgba(${byte(r)}, ${byte(g)}, ${byte(b)}, ${parseFloat(clamp(0, 1, a).toFixed(3))})`;
}

function hslToRgb(h: number, s: number, l: number): [number, number, number] {
  const chroma = (1 - Math.abs(2 * l - 1)) * s;
  const hue = (((h % 360) + 360) % 360) / 60;
  const x = chroma * (1 - Math.abs((hue % 2) - 1));
  const [r, g, b] =
    hue < 1
      ? [chroma, x, 0]
      : hue < 2
        ? [x, chroma, 0]
        : hue < 3
          ? [0, chroma, x]
          : hue < 4
            ? [0, x, chroma]
            : hue < 5
              ? [x, 0, chroma]
              : [chroma, 0, x];
  const m = l - chroma / 2;
  return [(r + m) * 255, (g + m) * 255, (b + m) * 255];
}

/** color2k's `lighten` (a negative amount darkens): lightness moved, as `hsla(…)`. */
function lighten(color: Rgba, amount: number): string {
  const [r, g, b, a] = color.map((n, i) => (i === 3 ? n : n / 255)) as Rgba;
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  let h = 0;
  let s = 0;
  if (max !== min) {
    const d = max - min;
    s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
    h = max === r ? (g - b) / d + (g < b ? 6 : 0) : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
    h *= 60;
  }
  const percent = (n: number): string => `${clamp(0, 100, n * 100).toFixed()}%`;
  return `hsla(${(h % 360).toFixed()}, ${percent(s)}, ${percent(l + amount)}, ${parseFloat(
    clamp(0, 1, a).toFixed(3),
  )})`;
}

const transparentize = ([r, g, b, a]: Rgba, amount: number): string => rgba([r, g, b, a - amount]);

/** color2k's `mix`: `weight` of the second colour, alpha-aware. */
function mix(first: Rgba, second: Rgba, weight: number): Rgba {
  const alphaDelta = second[3] - first[3];
  const w = weight * 2 - 1;
  const combined = w * alphaDelta === -1 ? w : (w + alphaDelta) / (1 + w * alphaDelta);
  const w2 = (combined + 1) / 2;
  const w1 = 1 - w2;
  const channel = (i: number): number => first[i]! * w1 + second[i]! * w2;
  return [channel(0), channel(1), channel(2), second[3] * weight + first[3] * (1 - weight)];
}

/** WCAG relative luminance, as color2k's `getLuminance`. */
function luminance([r, g, b]: Rgba): number {
  const linear = (n: number): number => {
    const c = n / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** Streamlit's derived colours for a background, secondary background and text colour. */
export function derivedColors(bg: string, secondaryBg: string, text: string): DerivedColors {
  const background = parseColor(bg);
  const body = parseColor(text);
  // Each step takes the previous one's CSS text, rounded as written, as color2k's do.
  const bgMix = rgba(mix(background, parseColor(secondaryBg), 0.5));
  const mixed = parseColor(bgMix);
  // For icons: darker on a light background, lighter on a dark one.
  const darkenedBgMix100 = luminance(background) > 0.5 ? lighten(mixed, -0.3) : lighten(mixed, 0.6);
  const darkened = parseColor(darkenedBgMix100);
  return {
    fadedText05: transparentize(body, 0.9),
    fadedText10: transparentize(body, 0.8),
    fadedText20: transparentize(body, 0.7),
    fadedText40: transparentize(body, 0.6),
    fadedText60: transparentize(body, 0.4),
    fadedText70: transparentize(body, 0.3),
    bgMix,
    darkenedBgMix100,
    darkenedBgMix40: transparentize(darkened, 0.6),
    darkenedBgMix25: transparentize(darkened, 0.75),
    darkenedBgMix15: transparentize(darkened, 0.85),
    lightenedBg05: lighten(background, 0.025),
  };
}
