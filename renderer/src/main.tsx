/**
 * The page's entry, kept small: it starts the first calls to the core (see api/first-calls.ts),
 * then loads the app. The app's script (React, MapLibre, ECharts: ~2 MB) takes the better part of
 * a second to load and compile on a wall PC; the core answers meanwhile.
 */
import { startFirstCalls } from './platform/api/first-calls';
import { wireCache } from './platform/api/query-cache';
import { panelFromHash } from './shell/panels';
import './platform/theme/theme.css';
import './shell/shell.css';

wireCache();
startFirstCalls({ awareness: panelFromHash(window.location.hash) === 'awareness' });

const root = document.getElementById('root');
if (root) void import('./boot').then((m) => m.boot(root));
