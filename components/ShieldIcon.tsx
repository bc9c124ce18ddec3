/** The product's shield, inline so it renders without any icon font or network request. */
export function ShieldIcon(props: { size?: number }) {
  const size = props.size ?? 16;
  return (
    <svg width={size} height={size} viewBox="0 0 128 128" aria-hidden="true" focusable="false" class="pg-shield">
      <path d="M64 6 L112 24 V60 C112 92 90 112 64 122 C38 112 16 92 16 60 V24 Z" fill="#2f6f4f" />
      <path d="M42 64 L58 80 L88 46" fill="none" stroke="#fff" stroke-width="14" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}
