/** The wall state the panels read: wall mode on/off and the layout chosen by window size. */
import { createContext, useContext } from 'react';
import type { WallLayout } from './layout';

export interface WallState {
  readonly wall: boolean;
  readonly layout: WallLayout;
}

export const WallContext = createContext<WallState>({ wall: false, layout: 'hd' });

export function useWall(): WallState {
  return useContext(WallContext);
}
