/**
 * The page's entry, kept small: it starts the first calls to the core (see api/first-calls.ts),
 * then loads the app. The app's script (React, MapLibre, ECharts: ~2 MB) takes the better part of
 * a second to load and compile on a wall PC; the core answers meanwhile.
 */
import { startFirstCalls } from './api/first-calls';
import { wireCache } from './api/query-cache';
import './styles/theme.css';

wireCache();
startFirstCalls(window.location.hash);

const root = document.getElementById('root');
if (root) void import('./boot').then((m) => m.boot(root));
