/**
 * 统计报表: a period and a grouping; the KPIs as cards; daily volume, wait distribution and the
 * weekday × hour load as charts; the grouping's table and the per-window and per-staff tables; the
 * downloads. Every figure is the server's (GET /api/reports): nothing is computed here but layout.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PeriodReport, ReportBy, ReportRow } from '../../../protocol/reports.js';
import { REPORT_GROUPINGS } from '../../../protocol/reports.js';
import { list } from '../../kit/i18n.js';
import { heatOption, initChart, volumeOption, waitOption, type Chart } from '../charts.js';
import { byKey } from '../i18n.js';
import type { Deps } from './ReportsApp.js';

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const at = (date: string) => new Date(`${date}T00:00:00Z`);
const addDays = (date: string, n: number) => ymd(new Date(at(date).getTime() + n * 86_400_000));
/** quick periods relative to the hall's today */
export function quick(today: string, which: 'thisMonth' | 'lastMonth' | 'last7' | 'thisYear'): [string, string] {
  const first = `${today.slice(0, 8)}01`;
  if (which === 'thisMonth') return [first, today];
  if (which === 'last7') return [addDays(today, -6), today];
  if (which === 'thisYear') return [`${today.slice(0, 4)}-01-01`, today];
  const lastEnd = addDays(first, -1);
  return [`${lastEnd.slice(0, 8)}01`, lastEnd];
}
const minutes = (s: number) => Math.round(s / 6) / 10;

interface Loaded { main: PeriodReport; days: PeriodReport; windows: PeriodReport; staff: PeriodReport }

export function ReportsPage(d: Deps & { user: { name: string; role: string } }) {
  const { t, api } = d;
  const [today, setToday] = useState('');
  const [hall, setHall] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [by, setBy] = useState<ReportBy>('day');
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void Promise.all([api.call('GET /api/health'), api.call('GET /api/public/hall')]).then(([h, p]) => {
      const day = h.time.slice(0, 10);
      setToday(day);
      setHall(p.hallName);
      const [f, l] = quick(day, 'thisMonth');
      setFrom(f);
      setTo(l);
    });
  }, []);
  useEffect(() => {
    if (!from || !to) return;
    let live = true;
    const get = (b: ReportBy) => api.call('GET /api/reports', { query: { from, to, by: b } });
    Promise.all([get(by), get('day'), get('window'), get('staff')])
      .then(([main, days, windows, staff]) => { if (live) { setData({ main, days, windows, staff }); setError(null); } })
      .catch((e: unknown) => { if (live) setError(e instanceof Error ? e.message : String(e)); });
    return () => void (live = false);
  }, [from, to, by]);

  const download = async (format: 'xlsx' | 'csv') => {
    const res = await fetch(`/api/reports/export?from=${from}&to=${to}&format=${format}`, { headers: { authorization: `Bearer ${d.token.value}` } });
    if (!res.ok) return setError(((await res.json()) as { error: { message: string } }).error.message);
    const a = document.createElement('a');
    a.href = URL.createObjectURL(await res.blob());
    a.download = `hallq-report-${from}_${to}.${format}`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  };

  const r = data?.main;
  return (
    <div class="reports" data-lang={d.lang.value}>
      <header class="top">
        <h1>{hall} · {t('title')}</h1>
        <div class="who">
          <span>{d.user.name}</span>
          {r?.ownWindowsOnly && <span class="badge">{t('ownWindows')}</span>}
          <a class="link no-print" href="/console/">{t('back')}</a>
          <button class="link no-print" onClick={() => d.setLang(d.lang.value === 'zh' ? 'en' : 'zh')}>{t('langSwitch')}</button>
          <button class="link no-print" onClick={() => { void api.call('POST /api/auth/logout').catch(() => undefined); d.setToken(null); }}>{t('logout')}</button>
        </div>
      </header>
      <div class="controls no-print">
        <label>{t('from')}<input type="date" name="from" value={from} max={to || undefined} onChange={(e) => setFrom(e.currentTarget.value)} /></label>
        <label>{t('to')}<input type="date" name="to" value={to} min={from || undefined} onChange={(e) => setTo(e.currentTarget.value)} /></label>
        {(['last7', 'thisMonth', 'lastMonth', 'thisYear'] as const).map((q) => (
          <button key={q} name={q} onClick={() => { const [f, l] = quick(today, q); setFrom(f); setTo(l); }}>{t(q)}</button>))}
        <label>{t('by')}
          <select name="by" value={by} onChange={(e) => setBy(e.currentTarget.value as ReportBy)}>
            {REPORT_GROUPINGS.map((b) => <option key={b} value={b}>{t(byKey(b))}</option>)}
          </select>
        </label>
        <span class="spacer" />
        <button name="xlsx" class="primary" onClick={() => void download('xlsx')}>{t('exportXlsx')}</button>
        <button name="csv" onClick={() => void download('csv')}>{t('exportCsv')}</button>
        <button name="print" onClick={() => window.print()}>{t('print')}</button>
      </div>
      <p class="period">{from} {t('to_')} {to}</p>
      {error && <p class="error" role="alert">{error}</p>}
      {!data ? <p class="hint">{t('loading')}</p> : <Body d={d} data={data} by={by} />}
    </div>
  );
}

function Body({ d, data, by }: { d: Deps; data: Loaded; by: ReportBy }) {
  const { t } = d;
  const r = data.main;
  const f = r.totals;
  const cards: [string, string, string?][] = [
    [t('arrived'), String(f.arrived)],
    [t('served'), String(f.served), `${f.servedPct}%`],
    [t('noShows'), String(f.noShows), `${f.noShowPct}%`],
    [t('cancelledAtDayEnd'), String(f.cancelledAtDayEnd)],
    [t('avgWait'), t('minutes', { n: minutes(f.avgWaitSeconds) }), `${t('maxWait')} ${t('minutes', { n: minutes(f.maxWaitSeconds) })}`],
    [t('avgService'), t('minutes', { n: minutes(f.avgServiceSeconds) }), `${t('maxService')} ${t('minutes', { n: minutes(f.maxServiceSeconds) })}`],
    [t('overTarget', { n: r.waitTargetMinutes }), `${f.waitOverTargetPct}%`],
    [t('satisfied'), `${r.ratings.satisfiedPct}%`, t('ratings', { n: r.ratings.count })],
  ];
  return (
    <>
      <section class="cards" data-testid="kpis">
        {cards.map(([label, value, sub]) => (
          <div class="card" key={label}><div class="label">{label}</div><div class="value">{value}</div>{sub && <div class="sub">{sub}</div>}</div>))}
      </section>
      {r.bookings && <p class="bookings">{t('bookings')}：{t('bookingsLine', { total: r.bookings.total, checkedIn: r.bookings.checkedIn, forfeited: r.bookings.forfeited, cancelled: r.bookings.cancelled, served: r.bookings.served })}{r.bookings.byKind && `；${t('visitsLine', { visits: r.bookings.byKind.visit, served: r.bookings.visitsServed })}`}</p>}
      {r.longServices && (
        <p class={r.longServices.count ? 'bookings long-services flagged' : 'bookings long-services'} data-testid="long-services">
          {t('longServices', { max: r.longServices.maxMinutes, n: r.longServices.count })}
          {r.longServices.count ? `：${r.longServices.items.map((x) => `${x.date} ${x.code ?? x.bookingId}${x.ticketNumber ? `（${x.ticketNumber}）` : ''} ${t('minutes', { n: x.minutes })}`).join('，')}` : ''}
        </p>)}
      <section class="charts">
        <ChartBox title={t('volume')} option={volumeOption(data.days.rows, { arrived: t('arrived'), served: t('served') })} wide />
        <ChartBox title={t('waitDist')} option={waitOption(r.waitBuckets, t('longer'))} />
        <ChartBox title={t('heat')} option={heatOption(r.heatmap, list(t('weekdays')))} />
      </section>
      <Table d={d} title={t(byKey(by))} rows={r.rows} testid="grouping" />
      <div class="two">
        {by !== 'window' && <Table d={d} title={t('byWindow')} rows={data.windows.rows} testid="windows" />}
        {by !== 'staff' && <Table d={d} title={t('byStaff')} rows={data.staff.rows} testid="staff" />}
      </div>
    </>
  );
}

function ChartBox({ title, option, wide }: { title: string; option: Record<string, unknown>; wide?: boolean }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<Chart | null>(null);
  useEffect(() => {
    chart.current = initChart(el.current!);
    const resize = () => chart.current?.resize();
    window.addEventListener('resize', resize);
    return () => { window.removeEventListener('resize', resize); chart.current?.dispose(); };
  }, []);
  useEffect(() => void chart.current?.setOption(option, true), [JSON.stringify(option)]);
  return (
    <figure class={wide ? 'chart wide' : 'chart'}>
      <figcaption>{title}</figcaption>
      <div class="plot" ref={el} data-testid="chart" />
    </figure>
  );
}

function Table({ d, title, rows, testid }: { d: Deps; title: string; rows: ReportRow[]; testid: string }) {
  const { t } = d;
  return (
    <section class="table">
      <h2>{title}</h2>
      {rows.length === 0 ? <p class="hint">{t('noData')}</p> : (
        <table data-testid={testid}>
          <thead><tr>
            <th>{t('group')}</th><th>{t('arrived')}</th><th>{t('served')}</th><th>{t('pct')}</th><th>{t('noShows')}</th><th>{t('transfers')}</th>
            <th>{t('avgWait')}</th><th>{t('maxWait')}</th><th>{t('avgService')}</th><th>{t('overShort')}</th>
            {rows[0]?.daily && <th>{t('trend')}</th>}
          </tr></thead>
          <tbody>{rows.map((x) => (
            <tr key={x.key}>
              <td>{x.label}</td><td>{x.arrived}</td><td>{x.served}</td><td>{x.servedPct}%</td><td>{x.noShows}</td><td>{x.transfers}</td>
              <td>{minutes(x.avgWaitSeconds)}</td><td>{minutes(x.maxWaitSeconds)}</td><td>{minutes(x.avgServiceSeconds)}</td><td>{x.waitOverTargetPct}%</td>
              {x.daily && <td><Spark values={x.daily} /></td>}
            </tr>))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** A row's arrivals per day as a small line (the period's days left to right). */
function Spark({ values }: { values: number[] }) {
  const w = 90;
  const h = 20;
  const max = Math.max(1, ...values);
  const step = values.length > 1 ? w / (values.length - 1) : 0;
  const points = values.map((v, i) => `${(i * step).toFixed(1)},${(h - 1 - (v / max) * (h - 2)).toFixed(1)}`).join(' ');
  return <svg class="spark" width={w} height={h} viewBox={`0 0 ${w} ${h}`} aria-hidden="true"><polyline points={points} fill="none" stroke="#1c6dd0" stroke-width="1.5" /></svg>;
}
