/**
 * Which big-screen layout fits the window: 1920×1080 (hd), 3840×2160 (uhd: the same grid, the
 * rem scale in theme.css doubles every size) and 5760×1080 ultra-wide walls (three columns).
 */
export type WallLayout = 'hd' | 'uhd' | 'ultrawide';

export function layoutFor(width: number, height: number): WallLayout {
  if (height > 0 && width / height >= 2.6) return 'ultrawide';
  if (width >= 3000 && height >= 1600) return 'uhd';
  return 'hd';
}
