/** analysis.*: the charts of 分析研判 over the analysis rollups (trend, cube + Pareto, hotspots). */
import type { HandlerRegistry } from '../../runtime/registry';
import { analysisCube, analysisHotspot, analysisSpotOrders, analysisTrend } from './analysis';
import { analysisForecast, analysisSurge } from './surge-forecast';
import { analysisPlaybooks, analysisSavePlaybook } from './playbooks';

export function register(registry: HandlerRegistry): void {
  registry
    .register('analysis.trend', analysisTrend)
    .register('analysis.cube', analysisCube)
    .register('analysis.hotspot', analysisHotspot)
    .register('analysis.spotOrders', analysisSpotOrders)
    .register('analysis.surge', analysisSurge)
    .register('analysis.forecast', analysisForecast)
    .register('analysis.playbooks', analysisPlaybooks)
    .register('analysis.savePlaybook', analysisSavePlaybook);
}
