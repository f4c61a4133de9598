import '../../office/messages';
import { PrinterOutlined, SyncOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Space, Table, Typography } from 'antd';
import type { Breakpoint } from 'antd/es/_util/responsiveObserver';
import dayjs from 'dayjs';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { Session } from '../../api/session';
import { formatTime, TierTag } from '../../components/labels';
import { labelOf, useI18n, type Translate } from '../../i18n/i18n';
import { call, http } from '../../api/client';
import type {
  Agenda,
  AgendaCase,
  AgendaCounts,
  AgendaEscalation,
  AgendaReport,
  AgendaSection,
  AgendaSupervision,
} from '../../office/types';
import { UnitPicker, useUnits } from '../../office/UnitPicker';
import { errorText } from '../errors';
import { ToneTag } from '../../office/tone';
import { usePlaceNames } from '../../api/place-names';

/**
 * The printed sheet: only it prints (the console's header, tabs and buttons do not), on A4,
 * black on white, every row (the screen pages its tables), with lines for the minutes.
 */
const PRINT_CSS = `
.agenda-sheet { display: none; }
@media print {
  @page { size: A4; margin: 16mm 14mm; }
  body { background: #fff !important; }
  .ant-layout-header, nav, .office-tabs, .agenda-screen, .ant-message { display: none !important; }
  .ant-layout, .ant-layout-content { background: #fff !important; padding: 0 !important; margin: 0 !important; max-width: none !important; }
  .agenda-sheet { display: block; color: #000; font-size: 11pt; line-height: 1.5;
    font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", "Noto Sans CJK SC", serif; }
  .agenda-sheet h1 { font-size: 18pt; text-align: center; margin: 0 0 4mm; letter-spacing: 1pt; }
  .agenda-sheet .meta { text-align: center; margin-bottom: 5mm; }
  .agenda-sheet h2 { font-size: 13pt; margin: 5mm 0 2mm; }
  .agenda-sheet h3 { font-size: 12pt; margin: 4mm 0 1.5mm; }
  .agenda-sheet table { width: 100%; border-collapse: collapse; margin-bottom: 2mm; page-break-inside: auto; }
  .agenda-sheet tr { page-break-inside: avoid; }
  .agenda-sheet th, .agenda-sheet td { border: 0.5pt solid #000; padding: 1.2mm 2mm; text-align: left; vertical-align: top; }
  .agenda-sheet th { background: #eee !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .agenda-sheet .line { border-bottom: 0.5pt solid #000; height: 8mm; }
  .agenda-sheet .sign { margin-top: 8mm; }
}`;

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

interface SectionView {
  key: string;
  title: string;
  counts: AgendaCounts;
  part: Omit<AgendaSection, 'community' | 'counts'>;
}

function sectionsOf(agenda: Agenda): SectionView[] {
  if (agenda.kind === 'community')
    return [
      { key: agenda.unit.code, title: agenda.unit.name, counts: agenda.counts, part: agenda },
    ];
  return agenda.communities.map((s) => ({
    key: s.community.code,
    title: s.community.name,
    counts: s.counts,
    part: s,
  }));
}

const countsLine = (t: Translate, c: AgendaCounts) =>
  t('agenda.counts', {
    open: c.open,
    blue: c.openByTier.blue,
    yellow: c.openByTier.yellow,
    red: c.openByTier.red,
    overdue: c.overdue,
    escalated: c.escalated,
  });

/** The Wednesday after the agenda was built (the meeting it is for), or that day itself. */
const meetingDay = (generatedAt: string) => {
  const d = dayjs(generatedAt);
  return d.add((3 - d.day() + 7) % 7, 'day');
};

/** The four lists the meeting goes through, as plain tables for paper. */
function Sheet({ agenda }: { agenda: Agenda }) {
  const { t } = useI18n();
  const placeName = usePlaceNames();
  const caseRows = (rows: AgendaCase[]) => (
    <table>
      <thead>
        <tr>
          <th>{t('agenda.col.reference')}</th>
          <th>{t('agenda.col.title')}</th>
          <th>{t('agenda.col.grid')}</th>
          <th>{t('agenda.col.tier')}</th>
          <th>{t('agenda.col.status')}</th>
          <th>{t('agenda.col.deadline')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => (
          <tr key={c.id}>
            <td>{c.reference}</td>
            <td>{c.title}</td>
            <td>{placeName(c.gridCode)}</td>
            <td>{labelOf(t, 'tier', c.tier)}</td>
            <td>{labelOf(t, 'status', c.status)}</td>
            <td>{formatTime(c.nextDeadlineAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  const none = <p>{t('agenda.none')}</p>;
  return (
    <div className="agenda-sheet">
      <h1>{t('agenda.sheet.title', { unit: agenda.unit.name })}</h1>
      <div className="meta">
        {t('agenda.sheet.date', {
          date: t('agenda.sheet.day', {
            y: meetingDay(agenda.generatedAt).year(),
            m: meetingDay(agenda.generatedAt).month() + 1,
            d: meetingDay(agenda.generatedAt).date(),
          }),
          at: formatTime(agenda.generatedAt),
        })}
      </div>
      <p>{t('agenda.sheet.host')}</p>
      <p>{t('agenda.sheet.attendees')}</p>
      <p>{countsLine(t, agenda.counts)}</p>
      {sectionsOf(agenda).map((s) => {
        let n = 0;
        const heading = (text: string) => (
          <h3>
            {NUMERALS[n++]}、{text}
          </h3>
        );
        return (
          <section key={s.key}>
            {agenda.kind === 'street' && (
              <h2>
                {s.title}（{countsLine(t, s.counts)}）
              </h2>
            )}
            {heading(t('agenda.overdue'))}
            {s.part.overdue.length ? caseRows(s.part.overdue) : none}
            {heading(t('agenda.escalated'))}
            {s.part.escalated.length ? (
              <table>
                <thead>
                  <tr>
                    <th>{t('agenda.col.reference')}</th>
                    <th>{t('agenda.col.title')}</th>
                    <th>{t('agenda.col.change')}</th>
                    <th>{t('agenda.col.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {s.part.escalated.map((e) => (
                    <tr key={`${e.disputeId}.${e.at}`}>
                      <td>{e.reference}</td>
                      <td>{e.title}</td>
                      <td>
                        {labelOf(t, 'tier', e.fromTier)} → {labelOf(t, 'tier', e.toTier)}
                      </td>
                      <td>{e.automatic ? t('agenda.automatic') : e.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              none
            )}
            {heading(t('agenda.supervision'))}
            {s.part.supervision.length ? (
              <table>
                <thead>
                  <tr>
                    <th>{t('agenda.col.reference')}</th>
                    <th>{t('agenda.col.reason')}</th>
                    <th>{t('agenda.col.dueBy')}</th>
                    <th>{t('agenda.col.answered')}</th>
                  </tr>
                </thead>
                <tbody>
                  {s.part.supervision.map((v) => (
                    <tr key={v.noticeId}>
                      <td>{v.reference}</td>
                      <td>{v.reason}</td>
                      <td>{formatTime(v.dueBy)}</td>
                      <td>{v.acknowledged ? t('common.yes') : t('common.no')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              none
            )}
            {heading(t('agenda.reports'))}
            {s.part.reports.length ? (
              <table>
                <thead>
                  <tr>
                    <th>{t('agenda.col.reference')}</th>
                    <th>{t('agenda.col.grid')}</th>
                    <th>{t('agenda.col.summary')}</th>
                  </tr>
                </thead>
                <tbody>
                  {s.part.reports.map((r) => (
                    <tr key={r.id}>
                      <td>{r.reference}</td>
                      <td>{placeName(r.gridCode)}</td>
                      <td>{r.summary}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              none
            )}
            {heading(t('agenda.open'))}
            {s.part.open.length ? caseRows(s.part.open) : none}
          </section>
        );
      })}
      <h2>{t('agenda.sheet.notes')}</h2>
      {[0, 1, 2, 3, 4, 5].map((i) => (
        <div key={i} className="line" />
      ))}
      <p className="sign">{t('agenda.sheet.sign')}</p>
    </div>
  );
}

function Block({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  return (
    <section>
      <Typography.Title level={4} style={{ fontSize: 15, margin: '12px 0 8px' }}>
        {title}（{count}）
      </Typography.Title>
      {children}
    </section>
  );
}

/** Columns a phone leaves out (the title links to the case, which has them all). */
const PHONE_HIDDEN: Breakpoint[] = ['md'];

const PAGE = {
  pageSize: 5,
  hideOnSinglePage: true,
  size: 'small' as const,
  showSizeChanger: false,
};

/** 警格+网格联席会议: the latest stored agenda of a community or street, paged, printable. */
export default function AgendaPage({ session }: { session: Session }) {
  const { t } = useI18n();
  const placeName = usePlaceNames();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const units = useUnits(session, ['street', 'community']);
  const [unit, setUnit] = useState<string | undefined>(session.user.unitCode ?? undefined);
  const chosen = unit ?? units[0]?.code;
  const agenda = useQuery({
    queryKey: ['agenda', chosen],
    queryFn: () => call(http.GET('/agenda', { params: { query: { unit: chosen ?? '' } } })),
    enabled: chosen !== undefined,
  });
  const rebuild = useMutation({
    mutationFn: () => call(http.POST('/agenda/build', { body: { unit: chosen ?? '' } })),
    onSuccess: () => {
      void message.success(t('agenda.rebuilt'));
      void queryClient.invalidateQueries({ queryKey: ['agenda', chosen] });
    },
    onError: (error) => void message.error(errorText(t, error)),
  });
  const a = agenda.data;
  const supervisor = session.user.role === 'supervisor' || session.user.role === 'admin';

  const caseColumns = [
    {
      title: t('agenda.col.reference'),
      dataIndex: 'reference',
      responsive: PHONE_HIDDEN,
    },
    {
      title: t('agenda.col.title'),
      key: 'title',
      render: (_v: unknown, c: AgendaCase) => <Link to={`/cases/${c.id}`}>{c.title}</Link>,
    },
    {
      title: t('agenda.col.tier'),
      dataIndex: 'tier',
      render: (v: AgendaCase['tier']) => <TierTag tier={v} />,
    },
    {
      title: t('agenda.col.status'),
      dataIndex: 'status',
      responsive: PHONE_HIDDEN,
      render: (v: string) => labelOf(t, 'status', v),
    },
    {
      title: t('agenda.col.deadline'),
      dataIndex: 'nextDeadlineAt',
      render: (v: string | null, c: AgendaCase) => (
        <span style={{ color: c.overdue ? '#cf1322' : undefined }}>{formatTime(v) || '—'}</span>
      ),
    },
  ];

  return (
    <>
      <style>{PRINT_CSS}</style>
      <Space direction="vertical" size={16} style={{ width: '100%' }} className="agenda-screen">
        <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
          <Space direction="vertical" size={0}>
            <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
              {a ? t('agenda.sheet.title', { unit: a.unit.name }) : t('agenda.title')}
            </Typography.Title>
            {a && (
              <Typography.Text type="secondary">
                {t('agenda.meeting', { at: formatTime(a.generatedAt) })}
              </Typography.Text>
            )}
          </Space>
          <Space wrap>
            <UnitPicker units={units} value={chosen} onChange={setUnit} />
            {supervisor && (
              <Button
                icon={<SyncOutlined />}
                loading={rebuild.isPending}
                onClick={() => rebuild.mutate()}
              >
                {t('agenda.rebuild')}
              </Button>
            )}
            <Button
              type="primary"
              icon={<PrinterOutlined />}
              disabled={!a}
              onClick={() => window.print()}
            >
              {t('agenda.print')}
            </Button>
          </Space>
        </Space>
        {agenda.error && <Alert type="error" showIcon message={errorText(t, agenda.error)} />}
        {agenda.isLoading && <Card loading />}
        {a && <Alert type="info" showIcon={false} message={countsLine(t, a.counts)} />}
        {a &&
          sectionsOf(a).map((s) => (
            <Card
              key={s.key}
              title={a.kind === 'street' ? s.title : undefined}
              extra={
                a.kind === 'street' ? (
                  <Typography.Text type="secondary">{countsLine(t, s.counts)}</Typography.Text>
                ) : null
              }
            >
              <Block title={t('agenda.overdue')} count={s.part.overdue.length}>
                <Table<AgendaCase>
                  size="small"
                  rowKey="id"
                  dataSource={s.part.overdue}
                  columns={caseColumns}
                  pagination={PAGE}
                  scroll={{ x: true }}
                  locale={{ emptyText: t('agenda.none') }}
                />
              </Block>
              <Block title={t('agenda.escalated')} count={s.part.escalated.length}>
                <Table<AgendaEscalation>
                  size="small"
                  rowKey={(e) => `${e.disputeId}.${e.at}`}
                  dataSource={s.part.escalated}
                  pagination={PAGE}
                  scroll={{ x: true }}
                  locale={{ emptyText: t('agenda.none') }}
                  columns={[
                    {
                      title: t('agenda.col.reference'),
                      dataIndex: 'reference',
                      responsive: PHONE_HIDDEN,
                    },
                    {
                      title: t('agenda.col.title'),
                      key: 'title',
                      render: (_v, e) => <Link to={`/cases/${e.disputeId}`}>{e.title}</Link>,
                    },
                    {
                      title: t('agenda.col.change'),
                      key: 'change',
                      render: (_v, e) =>
                        `${labelOf(t, 'tier', e.fromTier)} → ${labelOf(t, 'tier', e.toTier)}`,
                    },
                    {
                      title: t('agenda.col.reason'),
                      key: 'reason',
                      render: (_v, e) => (e.automatic ? t('agenda.automatic') : e.reason),
                    },
                    {
                      title: t('agenda.col.by'),
                      key: 'by',
                      responsive: PHONE_HIDDEN,
                      render: (_v, e) => e.by.name,
                    },
                  ]}
                />
              </Block>
              <Block title={t('agenda.supervision')} count={s.part.supervision.length}>
                <Table<AgendaSupervision>
                  size="small"
                  rowKey="noticeId"
                  dataSource={s.part.supervision}
                  pagination={PAGE}
                  scroll={{ x: true }}
                  locale={{ emptyText: t('agenda.none') }}
                  columns={[
                    {
                      title: t('agenda.col.title'),
                      key: 'title',
                      render: (_v, v) => <Link to={`/cases/${v.disputeId}`}>{v.title}</Link>,
                    },
                    { title: t('agenda.col.reason'), dataIndex: 'reason' },
                    {
                      title: t('agenda.col.dueBy'),
                      dataIndex: 'dueBy',
                      render: (v: string) => formatTime(v),
                    },
                    {
                      title: t('agenda.col.answered'),
                      dataIndex: 'acknowledged',
                      render: (v: boolean) =>
                        v ? (
                          <ToneTag tone="ok">{t('supervise.state.done')}</ToneTag>
                        ) : (
                          <ToneTag tone="warn">{t('supervise.state.open')}</ToneTag>
                        ),
                    },
                  ]}
                />
              </Block>
              <Block title={t('agenda.reports')} count={s.part.reports.length}>
                <Table<AgendaReport>
                  size="small"
                  rowKey="id"
                  dataSource={s.part.reports}
                  pagination={PAGE}
                  scroll={{ x: true }}
                  locale={{ emptyText: t('agenda.none') }}
                  columns={[
                    {
                      title: t('agenda.col.reference'),
                      dataIndex: 'reference',
                      responsive: PHONE_HIDDEN,
                    },
                    {
                      title: t('agenda.col.grid'),
                      dataIndex: 'gridCode',
                      responsive: PHONE_HIDDEN,
                      render: (code: string) => placeName(code),
                    },
                    { title: t('agenda.col.summary'), dataIndex: 'summary' },
                  ]}
                />
              </Block>
              <Block title={t('agenda.open')} count={s.part.open.length}>
                <Table<AgendaCase>
                  size="small"
                  rowKey="id"
                  dataSource={s.part.open}
                  columns={caseColumns}
                  pagination={PAGE}
                  scroll={{ x: true }}
                  locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
                />
              </Block>
            </Card>
          ))}
      </Space>
      {a && <Sheet agenda={a} />}
    </>
  );
}
