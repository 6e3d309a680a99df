// Small inline SVG icons: bundled with the app, so nothing is fetched from an icon CDN.
type IconProps = { size?: number };

const base = (size: number) => ({
  width: size,
  height: size,
  viewBox: "0 0 24 24",
  fill: "none",
  stroke: "currentColor",
  strokeWidth: 2,
  strokeLinecap: "round" as const,
  strokeLinejoin: "round" as const,
});

export function GlobeIcon({ size = 18 }: IconProps) {
  return (
    <svg {...base(size)} aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="9" />
      <path d="M3 12h18M12 3a14 14 0 0 1 0 18M12 3a14 14 0 0 0 0 18" />
    </svg>
  );
}

export function BuildingIcon({ size = 18 }: IconProps) {
  return (
    <svg {...base(size)} aria-hidden="true" focusable="false">
      <path d="M4 21V5l8-2v18M12 8h8v13M8 9h0M8 13h0M8 17h0M16 12h0M16 16h0M2 21h20" />
    </svg>
  );
}

export function UserIcon({ size = 18 }: IconProps) {
  return (
    <svg {...base(size)} aria-hidden="true" focusable="false">
      <circle cx="12" cy="8" r="4" />
      <path d="M4 21c1.5-4 4.5-6 8-6s6.5 2 8 6" />
    </svg>
  );
}

export function ChevronIcon({ size = 14 }: IconProps) {
  return (
    <svg {...base(size)} aria-hidden="true" focusable="false">
      <path d="M6 9l6 6 6-6" />
    </svg>
  );
}

export function CheckIcon({ size = 16 }: IconProps) {
  return (
    <svg {...base(size)} aria-hidden="true" focusable="false">
      <path d="M5 12l5 5 9-10" />
    </svg>
  );
}

/** Keeps menu entries aligned beside the one with a check mark. */
export function Blank({ size = 16 }: IconProps) {
  return <span style={{ display: "inline-block", width: size }} />;
}

/** The Lotse mark: a pilot's arrow over a hull line. */
export function LotseMark({ size = 28 }: IconProps) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="var(--mantine-color-petrol-8)" />
      <path d="M16 5l7 17-7-4-7 4z" fill="#fff" />
      <rect x="8" y="24" width="16" height="3" rx="1.5" fill="#fff" />
    </svg>
  );
}

export function BellIcon({ size = 20 }: IconProps) {
  return (
    <svg {...base(size)} aria-hidden="true" focusable="false">
      <path d="M6 16V11a6 6 0 0 1 12 0v5l2 2H4z" />
      <path d="M10 20a2 2 0 0 0 4 0" />
    </svg>
  );
}
