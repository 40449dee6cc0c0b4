import type { ComponentChildren } from 'preact';
import type { PageStatus } from '@/lib/messages';
import { Toggle } from '../shared/Toggle';

export type SiteAccess =
  /** The content script answers on this tab. */
  | { kind: 'running'; status: PageStatus; site: string }
  /** A web page the extension may not read yet. */
  | { kind: 'not-enabled'; site: string }
  /** Not a web page (a browser page, a PDF viewer…). */
  | { kind: 'unsupported' };

interface Props {
  access: SiteAccess;
  enabledEverywhere: boolean;
  siteDisabled: boolean;
  onSiteToggle(on: boolean): void;
  onEverywhereToggle(on: boolean): void;
  onEnableSite(): void;
  onEnableAllSites(): void;
  onNextMention(): void;
  /** Scrolls the tab to a term's first mention and opens its card. */
  onRevealTerm?(termId: string): void;
  /** Marks a page that looks off the topic anyway (the reader's call, for this visit). */
  onMarkPage?(): void;
  /** What the paper says about the page as a whole (components/popup/PaperView). */
  paper?: ComponentChildren;
  error?: string;
}

const MODE_LABEL: Record<PageStatus['mode'], string> = {
  'highlight-api': 'highlighted without touching the page (CSS Highlight API)',
  wrap: 'highlighted by marking the page’s text (this browser lacks the CSS Highlight API)',
};

/** "This page": what was found, how it is shown, and the switches for this site. */
export function PagePanel(props: Props) {
  const { access } = props;
  if (access.kind === 'unsupported') {
    return (
      <section aria-label="This page">
        <h2>This page</h2>
        <p class="muted">This is not a web page the extension can read.</p>
      </section>
    );
  }
  if (access.kind === 'not-enabled') {
    return (
      <section aria-label="This page">
        <h2>This page</h2>
        <p>
          <strong>{access.site}</strong> is not on the extension’s list of news sites.
        </p>
        <p class="muted">Enable it to find mentions here; your browser will ask you to allow access.</p>
        <div class="row">
          <button type="button" class="primary" onClick={props.onEnableSite}>
            Enable on {access.site}
          </button>
          <button type="button" onClick={props.onEnableAllSites}>
            Enable on all sites
          </button>
        </div>
        {props.error && (
          <p class="error" role="alert">
            {props.error}
          </p>
        )}
      </section>
    );
  }
  const { status, site } = access;
  const termCount = status.terms.length;
  return (
    <section aria-label="This page">
      <h2>This page</h2>
      {status.running ? (
        <>
          {status.scan === null && !status.onTopic ? (
            // Not read yet (the popup waits about two seconds for a first scan): no verdict to give.
            <p data-testid="page-summary">Reading the page…</p>
          ) : status.onTopic ? (
            <p data-testid="page-summary">
              <strong>{status.mentions}</strong> {status.mentions === 1 ? 'mention' : 'mentions'} of <strong>{termCount}</strong> {termCount === 1 ? 'term' : 'terms'} from the paper.
            </p>
          ) : (
            // Off the topic nothing is marked; say why, and what was found in passing.
            <p data-testid="page-summary">
              <strong>0</strong> mentions marked: this page does not look like it is about North Korea and Russia
              {status.found > 0 ? `; it names the paper's terms ${status.found} ${status.found === 1 ? 'time' : 'times'} in passing` : ''}.
            </p>
          )}
          {!status.onTopic && status.scan !== null && status.found > 0 && props.onMarkPage && (
            // The gate misreads some pages; the reader, who sees the story, may overrule it for this visit.
            <p class="row">
              <button type="button" onClick={props.onMarkPage}>
                Mark them anyway
              </button>
              <span class="muted small">For this visit only.</span>
            </p>
          )}
          {status.onTopic && status.mentions > 0 && <p data-testid="page-topic">This page is about North Korea and Russia.</p>}
          {termCount > 0 && (
            <ul class="chips" aria-label="Terms on this page">
              {status.terms.map((t) => (
                <li key={t.id}>
                  {props.onRevealTerm ? (
                    <button type="button" class="chip" aria-label={`Show ${t.label ?? t.id} on the page (${t.count} ${t.count === 1 ? 'mention' : 'mentions'})`} onClick={() => props.onRevealTerm!(t.id)}>
                      {t.label ?? t.id} · {t.count}
                    </button>
                  ) : (
                    <>
                      {t.label ?? t.id} · {t.count}
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
          {status.capped && (
            <p class="muted" data-testid="capped">
              This page has more mentions than the {status.cap.toLocaleString('en')} highlighted (the most one page shows, so it stays fast).
            </p>
          )}
          <p class="muted" data-testid="mode">
            Mentions are {MODE_LABEL[status.mode]}.
          </p>
          {status.mentions > 0 && (
            <button type="button" onClick={props.onNextMention}>
              Go to next mention
            </button>
          )}
          {props.paper}
        </>
      ) : (
        <p class="muted" data-testid="page-summary">
          {status.reason === 'no-corpus' ? 'The paper is still being set up.' : 'Highlighting is off here.'}
        </p>
      )}
      <Toggle label={`Highlight on ${site}`} checked={!props.siteDisabled} disabled={!props.enabledEverywhere} onChange={props.onSiteToggle} />
      <Toggle label="Highlight on all sites" description="Switch off to pause highlighting everywhere." checked={props.enabledEverywhere} onChange={props.onEverywhereToggle} />
      {props.error && (
        <p class="error" role="alert">
          {props.error}
        </p>
      )}
    </section>
  );
}
