// Decorations: balloons and snow (drawn over the whole page), st.space and st.skeleton.
// Badges are Markdown (`:blue-badge[text]`, markdownRender.ts).

import { render } from "preact";
import type { ComponentChildren, JSX } from "preact";
import { useLayoutEffect, useMemo, useState } from "preact/hooks";
import type { ElementProps, SpaceProps } from "../core/types";
import { registerElement } from "../core/types";

/** One particle's random placement, drawn once per run that plays the animation. */
interface Particle {
  kind: number;
  left: number; // vw
  delay: number; // ms
  still: number; // vh: where it shows, motionless, when the viewer asks for reduced motion
  spin: [number, number, number]; // degrees, for snowflakes
}

interface Celebration {
  count: number;
  kinds: number;
  left: [number, number]; // vw range
  maxDelay: number; // ms
}

// As Streamlit 1.67 throws them: 30 balloons rising over 20–80 vw within 1 s, 100 flakes
// falling over 10–90 vw within 4 s.
const BALLOONS: Celebration = { count: 30, kinds: 6, left: [20, 80], maxDelay: 1000 };
const SNOW: Celebration = { count: 100, kinds: 3, left: [10, 90], maxDelay: 4000 };

function throwParticles({ count, kinds, left, maxDelay }: Celebration): Particle[] {
  const rand = (max: number, min = 0) => Math.random() * (max - min) + min;
  return Array.from({ length: count }, () => ({
    kind: Math.floor(Math.random() * kinds),
    left: rand(left[1], left[0]),
    delay: rand(maxDelay),
    still: rand(70, 5),
    spin: [rand(360), rand(360), rand(360)],
  }));
}

function particleStyle(p: Particle): JSX.CSSProperties {
  return {
    left: `${p.left}vw`,
    animationDelay: `${p.delay}ms`,
    "--sp-still-top": `${p.still}vh`,
    "--sp-spin-x": `${p.spin[0]}deg`,
    "--sp-spin-y": `${p.spin[1]}deg`,
    "--sp-spin-z": `${p.spin[2]}deg`,
  } as JSX.CSSProperties;
}

const BALLOON_COLORS = ["#ff4b4b", "#ffa421", "#21c354", "#1c83e1", "#803df5", "#faca2b"];

function Balloon({ color }: { color: string }) {
  return (
    <svg viewBox="0 0 121 300" aria-hidden="true">
      <path d="M60 150 C 52 190, 70 220, 58 255 S 66 290, 60 300" stroke="#8a8a8a" fill="none" />
      <ellipse cx="60" cy="72" rx="52" ry="66" fill={color} />
      <ellipse cx="40" cy="48" rx="10" ry="18" fill="#fff" opacity="0.35" />
      <path d="M52 146 L60 136 L68 146 Z" fill={color} />
    </svg>
  );
}

const FLAKE_SIZES = [0.45, 0.32, 0.22]; // of the 150 px box, as the three kinds of flakes

function Flake({ kind }: { kind: number }) {
  const r = 75 * FLAKE_SIZES[kind]!;
  const arms = [0, 60, 120, 180, 240, 300];
  return (
    <svg viewBox="0 0 150 150" aria-hidden="true">
      <g transform="translate(75 75)" stroke="#a9d6f5" stroke-width="4" stroke-linecap="round">
        {arms.map((deg) => (
          <g key={deg} transform={`rotate(${deg})`}>
            <line x1="0" y1="0" x2="0" y2={-r} />
            <line x1="0" y1={-r * 0.6} x2={-r * 0.25} y2={-r * 0.8} />
            <line x1="0" y1={-r * 0.6} x2={r * 0.25} y2={-r * 0.8} />
          </g>
        ))}
      </g>
    </svg>
  );
}

/**
 * Draws `children` in a layer of its own at the end of the page's body (as Streamlit draws its
 * balloons in a portal), so no container's layout, clipping or stacking can hold them; the
 * element itself draws nothing where it was called.
 */
function PageOverlay({ children }: { children: ComponentChildren }) {
  const [host] = useState(() => document.createElement("div"));
  useLayoutEffect(() => {
    document.body.appendChild(host);
    return () => {
      render(null, host);
      host.remove();
    };
  }, [host]);
  useLayoutEffect(() => render(<>{children}</>, host));
  return null;
}

/**
 * Balloons or snow over the whole page, played once for each run that draws it: the props carry
 * the run, so a new run remounts the particles (new keys) and their animations start again.
 */
function Celebrate({ node }: ElementProps<"balloons" | "snow">) {
  const balloons = node.type === "balloons";
  const { run } = node.props;
  const particles = useMemo(() => throwParticles(balloons ? BALLOONS : SNOW), [run, balloons]);
  return (
    <PageOverlay>
      <div class={`sp-celebration sp-${node.type}`} data-run={run} aria-hidden="true">
        {particles.map((p, i) => (
          <div key={`${run}-${i}`} class="sp-particle" style={particleStyle(p)}>
            {balloons ? <Balloon color={BALLOON_COLORS[p.kind]!} /> : <Flake kind={p.kind} />}
          </div>
        ))}
      </div>
    </PageOverlay>
  );
}

// Streamlit 1.67's sizes (rem), matching its gaps and widget heights.
const SPACE_REM: Record<Exclude<SpaceProps["size"], number | "stretch">, number> = {
  xxsmall: 0.25,
  xsmall: 0.5,
  small: 0.75,
  medium: 2.5,
  large: 4.25,
  xlarge: 6,
  xxlarge: 8,
};

/** Space along its container: the CSS picks height in a column, width in a horizontal row. */
function Space({ node }: ElementProps<"space">) {
  const { size } = node.props;
  if (size === "stretch") return <div class="sp-space sp-space-stretch" />;
  const length = typeof size === "number" ? `${size}px` : `${SPACE_REM[size]}rem`;
  return <div class="sp-space" style={{ "--sp-space": length } as JSX.CSSProperties} />;
}

function Skeleton({ node }: ElementProps<"skeleton">) {
  const { height, width, delayed } = node.props;
  const style: JSX.CSSProperties = {};
  if (typeof height === "number") style.height = `${height}px`;
  if (width !== undefined) style.width = `${width}px`;
  const cls = [
    "sp-skeleton",
    height === "stretch" && "sp-skeleton-stretch",
    delayed && "sp-skeleton-delayed",
  ];
  return (
    <div
      class={cls.filter(Boolean).join(" ")}
      style={style}
      role="status"
      aria-busy="true"
      aria-label="Loading"
    />
  );
}

registerElement("balloons", Celebrate);
registerElement("snow", Celebrate);
registerElement("space", Space);
registerElement("skeleton", Skeleton);
