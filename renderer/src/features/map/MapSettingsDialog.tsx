/**
 * 地图设置 (administrators): choose the basemap, import a basemap file (PMTiles / MBTiles, chunked
 * upload with progress, validated by the core) or a jurisdiction GeoJSON (checked per feature),
 * and set an optional online style or tile URL. Every refusal lists what was wrong.
 */
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportProblem, MapConfig } from '../../../../shared/features/map/contract';
import { MAX_JURISDICTION_CHARS } from '../../../../shared/features/map/contract';
import { ApiError, call } from '../../platform/api/client';
import { errorText } from '../../platform/api/error-text';
import { useMutation } from '../../platform/api/use-mutation';
import { useModalDialog } from '../../platform/ui/use-modal-dialog';
import { uploadBasemap } from './map-upload';
import { FieldSettingsForm } from '../field';

export interface MapSettingsDialogProps {
  readonly config: MapConfig;
  readonly onClose: () => void;
}

interface Report {
  readonly ok: boolean;
  readonly summary: string;
  readonly problems: readonly ImportProblem[];
}

function ReportView({ report, testId }: { readonly report: Report; readonly testId: string }) {
  const { t } = useTranslation();
  return (
    <div
      className={report.ok ? 'map-report map-report-ok' : 'map-report map-report-bad'}
      role="status"
      data-testid={testId}
    >
      <p>{report.summary}</p>
      {report.problems.length > 0 && (
        <>
          <p>{t('map.settings.problems')}</p>
          <ul>
            {report.problems.map((p, i) => (
              <li key={i}>
                {p.feature !== undefined ? `${t('map.settings.feature', { n: p.feature + 1 })}: ` : ''}
                {p.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

export function MapSettingsDialog({ config, onClose }: MapSettingsDialogProps) {
  const { t } = useTranslation();
  const dialog = useModalDialog();
  const [progress, setProgress] = useState<number | null>(null);
  const [basemapReport, setBasemapReport] = useState<Report | null>(null);
  const [jurisdictionReport, setJurisdictionReport] = useState<Report | null>(null);
  const [styleUrl, setStyleUrl] = useState(config.settings.onlineStyleUrl ?? '');
  const [tileUrl, setTileUrl] = useState(config.settings.onlineTileUrl ?? '');
  const [saveNote, setSaveNote] = useState('');
  const configure = useMutation('map.configure');
  const deleteBasemap = useMutation('map.deleteBasemap');
  const importJurisdictionFile = useMutation('map.importJurisdiction');
  const failure = (err: unknown): Report => ({
    ok: false,
    summary: err instanceof ApiError ? errorText(err, t) : String(err),
    problems: [],
  });

  const importBasemap = async (file: File | undefined) => {
    if (!file) return;
    setBasemapReport(null);
    setProgress(0);
    try {
      setBasemapReport(await uploadBasemap(file, setProgress));
    } catch (err) {
      setBasemapReport(failure(err));
    } finally {
      setProgress(null);
    }
  };

  const importJurisdiction = async (file: File | undefined, dryRun: boolean) => {
    if (!file) return;
    setJurisdictionReport(null);
    if (file.size > MAX_JURISDICTION_CHARS * 3) {
      setJurisdictionReport({
        ok: false,
        summary: `文件过大 (${Math.round(file.size / 1024)} KB)`,
        problems: [],
      });
      return;
    }
    try {
      const input = { geojson: await file.text(), dryRun };
      // A dry run changes nothing: no need to refresh the map's data after it.
      setJurisdictionReport(
        dryRun ? await call('map.importJurisdiction', input) : await importJurisdictionFile.run(input),
      );
    } catch (err) {
      setJurisdictionReport(failure(err));
    }
  };

  const saveOnline = async (e: FormEvent) => {
    e.preventDefault();
    setSaveNote('');
    try {
      await configure.run({
        onlineStyleUrl: styleUrl.trim() || null,
        onlineTileUrl: tileUrl.trim() || null,
      });
      setSaveNote(t('map.settings.saved'));
    } catch (err) {
      setSaveNote(failure(err).summary);
    }
  };

  const active = config.settings.activeBasemap;
  const jurisdictionFile = useRef<HTMLInputElement>(null);
  return (
    <dialog
      ref={dialog}
      className="map-settings-dialog"
      aria-labelledby="map-settings-title"
      data-testid="map-settings"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id="map-settings-title">{t('map.settings.title')}</h2>
      <section>
        <h3>{t('map.settings.basemaps')}</h3>
        <ul className="map-basemap-list">
          {config.basemaps.map((b) => {
            const inUse = active === b.name || (active === null && b.builtin);
            return (
              <li key={b.name}>
                <span>
                  {b.title} ({b.name}, {b.kind}, {b.minzoom}–{b.maxzoom})
                  {b.builtin ? ` · ${t('map.settings.builtin')}` : ''}
                  {inUse ? ` · ${t('map.settings.active')}` : ''}
                </span>
                {!inUse && (
                  <button
                    type="button"
                    className="btn"
                    onClick={() =>
                      void configure.run({ activeBasemap: b.builtin ? null : b.name }).catch(() => undefined)
                    }
                  >
                    {t('map.settings.use')}
                  </button>
                )}
                {!b.builtin && (
                  <button
                    type="button"
                    className="btn btn-danger"
                    onClick={() => void deleteBasemap.run({ name: b.name }).catch(() => undefined)}
                  >
                    {t('map.settings.remove')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
        <label className="map-file">
          {t('map.settings.importBasemap')}
          <input
            type="file"
            accept=".pmtiles,.mbtiles"
            disabled={progress !== null}
            data-testid="map-import-basemap"
            onChange={(e) => void importBasemap(e.currentTarget.files?.[0])}
          />
        </label>
        {progress !== null && (
          <progress
            max={1}
            value={progress}
            aria-label={t('map.settings.uploading', { pct: Math.round(progress * 100) })}
          >
            {Math.round(progress * 100)}%
          </progress>
        )}
        {basemapReport && <ReportView report={basemapReport} testId="map-basemap-report" />}
      </section>
      <section>
        <h3>{t('map.settings.importJurisdiction')}</h3>
        <input
          ref={jurisdictionFile}
          type="file"
          accept=".geojson,.json,application/geo+json"
          data-testid="map-import-jurisdiction"
        />
        <button
          type="button"
          className="btn"
          onClick={() => void importJurisdiction(jurisdictionFile.current?.files?.[0], true)}
        >
          {t('map.settings.check')}
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => void importJurisdiction(jurisdictionFile.current?.files?.[0], false)}
        >
          {t('map.settings.apply')}
        </button>
        {jurisdictionReport && <ReportView report={jurisdictionReport} testId="map-jurisdiction-report" />}
      </section>
      <form onSubmit={(e) => void saveOnline(e)}>
        <h3>{t('map.settings.online')}</h3>
        <label className="map-field">
          {t('map.settings.onlineStyle')}
          <input
            type="url"
            value={styleUrl}
            onChange={(e) => setStyleUrl(e.currentTarget.value)}
            placeholder="https://…/style.json"
          />
        </label>
        <label className="map-field">
          {t('map.settings.onlineTile')}
          <input
            type="text"
            value={tileUrl}
            onChange={(e) => setTileUrl(e.currentTarget.value)}
            placeholder="https://…/{z}/{x}/{y}.png"
          />
        </label>
        <button type="submit" className="btn">
          {t('map.settings.save')}
        </button>
        {saveNote && <span role="status"> {saveNote}</span>}
      </form>
      <FieldSettingsForm />
      <div className="map-settings-actions">
        <button type="button" className="btn" onClick={onClose}>
          {t('map.settings.close')}
        </button>
      </div>
    </dialog>
  );
}
