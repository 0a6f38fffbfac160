/** Reports (CONTRACT.md "Reports"): a period's figures as JSON, and their download. */
import { Router } from 'express';
import { PeriodReportQuery, ReportExportQuery } from '../../../protocol/schemas.js';
import type { ServerContext } from '../context.js';
import { reportCsv, reportXlsx } from '../report-export.js';
import { actorOf, allow, parse } from '../support.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function reportRoutes(ctx: ServerContext): Router {
  const { hall } = ctx;
  const r = Router();
  // the finished days' summaries are built first, in slices that give the loop back (issue 20)
  r.get('/reports', allow('report.period'), async (req, res) => {
    const q = parse(PeriodReportQuery, req.query);
    await hall.reports.prepare(actorOf(req), q);
    res.json(hall.reports.period(actorOf(req), q));
  });
  r.get('/reports/live', allow('report.live'), (req, res) => void res.json(hall.reports.live(actorOf(req))));
  r.get('/reports/export', allow('report.export'), async (req, res) => {
    const q = parse(ReportExportQuery, req.query);
    await hall.reports.prepare(actorOf(req), q);
    const book = hall.reports.book(actorOf(req), q);
    const body = q.format === 'csv' ? reportCsv(book) : await reportXlsx(book);
    res.setHeader('content-type', q.format === 'csv' ? 'text/csv; charset=utf-8' : XLSX);
    res.setHeader('content-disposition', `attachment; filename="hallq-report-${q.from}_${q.to}.${q.format}"`);
    res.send(body);
  });
  return r;
}
