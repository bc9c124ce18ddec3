/**
 * The popup's "What Policy Guard can see here" for the ClassDojo tab it was opened on: asks the tab's content
 * script (PageProtocol, lib/ext/messages.ts) for the page doctor's report and the page outline. The popup
 * reads nothing of the page itself.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { askTab, isDojoAppUrl } from '../lib/ext/ask-tab';
import type { DoctorReport as Report } from '../lib/dojo/doctor';
import { t } from '../lib/ext/i18n';
import { DoctorReport } from './DoctorReport';
import { download } from './download';

type Tab = { id: number; dojo: boolean } | null;

/** The tab the popup is about: the active tab of its window (or `?tab=<id>`, when opened as a page in tests). */
async function targetTab(): Promise<Tab> {
  const asked = Number(new URLSearchParams(location.search).get('tab'));
  const tab = Number.isInteger(asked) && asked > 0 ? await browser.tabs.get(asked).catch(() => undefined) : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  return tab?.id === undefined ? null : { id: tab.id, dojo: isDojoAppUrl(tab.url) };
}

export function PopupDoctor() {
  const [tab, setTab] = useState<Tab | undefined>(undefined);
  const [report, setReport] = useState<Report | 'none' | undefined>(undefined);
  const [outline, setOutline] = useState<string | undefined>(undefined);
  useEffect(() => {
    void targetTab().then(setTab, () => setTab(null));
  }, []);
  if (tab === undefined) return null;
  if (!tab?.dojo) {
    return (
      <p class="muted" data-policy-guard="popup-doctor-nopage">
        {t('popupDoctorNoPage')}
      </p>
    );
  }
  const id = tab.id;
  return (
    <section data-policy-guard="popup-doctor">
      <p class="pg-popup-actions">
        <button
          type="button"
          data-policy-guard="popup-doctor-open"
          aria-expanded={typeof report === 'object'}
          onClick={async () => {
            // Open, the same button hides the list again.
            if (typeof report === 'object') return setReport(undefined);
            const answer = await askTab(id, { type: 'page-doctor' });
            setReport(answer?.ok ? answer.value : 'none');
          }}
        >
          {t(typeof report === 'object' ? 'doctorHide' : 'doctorOpen')}
        </button>
        <button
          type="button"
          data-policy-guard="popup-outline-copy"
          onClick={async () => {
            const answer = await askTab(id, { type: 'page-outline' });
            if (!answer?.ok) return setOutline(t('popupDoctorNoAnswer'));
            const json = JSON.stringify(answer.value);
            const kb = (new TextEncoder().encode(json).length / 1024).toFixed(1);
            try {
              await navigator.clipboard.writeText(json);
              setOutline(t('outlineCopied', kb));
            } catch {
              download({ filename: 'classdojo-page-outline.json', mime: 'application/json', body: json });
              setOutline(t('outlineSaved', kb));
            }
          }}
        >
          {t('outlineCopy')}
        </button>
      </p>
      {outline && (
        <p class="muted" role="status" data-policy-guard="popup-outline-result">
          {outline}
        </p>
      )}
      {report === 'none' && (
        <p class="muted" role="status" data-policy-guard="popup-doctor-noanswer">
          {t('popupDoctorNoAnswer')}
        </p>
      )}
      {report && report !== 'none' && <DoctorReport report={report} />}
    </section>
  );
}
