/** The lazy entry of 指挥调度 (App.tsx loads it on demand, in its own chunk). */
export { DispatchPanel } from './DispatchPanel';
