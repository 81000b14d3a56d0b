/**
 * Wall mode (大屏模式): on from `?wall=1` (a wall PC boots straight into it; Electron `--wall`
 * opens that URL) or toggled by a signed-in user (Alt+W or the header button). Turning it on or
 * off refetches every query, because the core answers wall calls with personal data masked.
 */
import { useCallback, useEffect, useState } from 'react';
import { invalidate } from '../../platform/api/query-cache';
import { onWallMasked, searchWithWall, setWallMasked, wallMasked } from '../../platform/api/wall-flag';
import { layoutFor, type WallLayout } from './layout';

export function useWallMode(): [boolean, (on: boolean) => void] {
  const [wall, setWallState] = useState(wallMasked);
  useEffect(() => onWallMasked(setWallState), []);
  const setWall = useCallback((on: boolean) => {
    setWallMasked(on);
    const { pathname, search, hash } = window.location;
    history.replaceState(null, '', `${pathname}${searchWithWall(search, on)}${hash}`);
    invalidate(() => true);
  }, []);
  useEffect(() => {
    document.documentElement.classList.toggle('wall-mode', wall);
  }, [wall]);
  return [wall, setWall];
}

export function useWallLayout(): WallLayout {
  const [layout, setLayout] = useState(() => layoutFor(window.innerWidth, window.innerHeight));
  useEffect(() => {
    const onResize = () => setLayout(layoutFor(window.innerWidth, window.innerHeight));
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return layout;
}
