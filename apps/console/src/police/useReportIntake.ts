import './messages';
import { useQuery } from '@tanstack/react-query';
import type { FormInstance } from 'antd';
import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { call, http } from '../api/client';
import type { Dispute, OpenDisputeBody } from '../api/types';

/**
 * "Turn it into a dispute" from the 社情 queue: the queue opens the intake form with
 * `state.reportId`; this fills the form from `GET /community/reports/:id/intake` and opens the case
 * through `POST /community/reports/:id/convert`, so the case keeps its link to the report.
 * Without a report it is the plain intake form (`POST /disputes`).
 */
export function useReportIntake(form: FormInstance) {
  const state = useLocation().state as { reportId?: unknown } | null;
  const reportId = typeof state?.reportId === 'string' ? state.reportId : null;
  const report = useQuery({
    queryKey: ['report', reportId],
    queryFn: () =>
      call(http.GET('/community/reports/{id}', { params: { path: { id: reportId ?? '' } } })),
    enabled: reportId !== null,
  });
  const prefill = useQuery({
    queryKey: ['report', reportId, 'intake'],
    queryFn: () =>
      call(
        http.GET('/community/reports/{id}/intake', { params: { path: { id: reportId ?? '' } } }),
      ),
    enabled: reportId !== null,
  });

  useEffect(() => {
    const p = prefill.data;
    if (!p) return;
    const parties = p.parties.map((x) => ({ ...x }));
    // A dispute has two sides: the form shows the second party to fill in when the report named one.
    while (parties.length < 2)
      parties.push({ name: '', role: parties.length ? 'respondent' : 'applicant' });
    form.setFieldsValue({
      title: p.title,
      description: p.description,
      category: p.category,
      gridCode: p.gridCode,
      parties,
      riskIndicators: p.riskIndicators,
    });
  }, [prefill.data, form]);

  return {
    reportId,
    reference: report.data?.reference ?? null,
    error: report.error ?? prefill.error,
    /** Dispute categories the form's list lacks (a report's own, e.g. fraud_risk). */
    extraCategories: prefill.data ? [prefill.data.category] : [],
    open: async (body: OpenDisputeBody): Promise<Dispute> => {
      if (!reportId) return call(http.POST('/disputes', { body }));
      // The case opens in the report's own grid: convert takes every field but gridCode.
      const fields: Omit<OpenDisputeBody, 'gridCode'> & { gridCode?: string } = { ...body };
      delete fields.gridCode;
      const converted = await call(
        http.POST('/community/reports/{id}/convert', {
          params: { path: { id: reportId } },
          body: { ...fields, ...(report.data ? { expectedVersion: report.data.version } : {}) },
        }),
      );
      return converted.dispute;
    },
  };
}
