import '../../office/messages';
import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useRef, useState } from 'react';
import type { Session } from '../../api/session';
import { formatTime } from '../../components/labels';
import { useI18n } from '../../i18n/i18n';
import { call, http } from '../../api/client';
import { put } from '../../office/transfer';
import type { CalendarEdit, CalendarYear } from '../../office/types';
import { errorText } from '../errors';
import { ToneTag } from '../../office/tone';

const HOLIDAY = { background: '#fff1f0', color: '#a8071a', border: '#ffa39e' };
const MAKE_UP = { background: '#e6f4ff', color: '#003eb3', border: '#91caff' };
const WEEKEND = { background: '#f5f5f5', color: '#4b5563' };

/** One month as a small grid, Monday first: 休 on holidays, 班 on make-up working days. */
function Month({
  year,
  month,
  holidays,
  makeUp,
}: {
  year: number;
  month: number;
  holidays: Set<string>;
  makeUp: Set<string>;
}) {
  const { t } = useI18n();
  const first = dayjs(new Date(year, month, 1));
  const lead = (first.day() + 6) % 7;
  const days = first.daysInMonth();
  const cells: (Dayjs | null)[] = [
    ...Array.from({ length: lead }, () => null),
    ...Array.from({ length: days }, (_v, i) => first.date(i + 1)),
  ];
  return (
    <div>
      <div style={{ fontWeight: 600, marginBottom: 4 }}>{first.format('MMMM')}</div>
      {/* A picture of the month; the lists beside it say the same days in words. */}
      <div
        aria-hidden
        style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2, fontSize: 12 }}
      >
        {[1, 2, 3, 4, 5, 6, 0].map((n) => (
          <span key={`h${n}`} style={{ textAlign: 'center', color: '#4b5563', fontSize: 11 }}>
            {dayjs().day(n).format('dd')}
          </span>
        ))}
        {cells.map((d, i) => {
          if (!d) return <span key={`x${i}`} />;
          const key = d.format('YYYY-MM-DD');
          const off = holidays.has(key);
          const work = makeUp.has(key);
          const weekend = d.day() === 0 || d.day() === 6;
          const style = off ? HOLIDAY : work ? MAKE_UP : weekend ? WEEKEND : null;
          return (
            <span
              key={key}
              title={
                off
                  ? `${key} ${t('calendar.holiday.tag')}`
                  : work
                    ? `${key} ${t('calendar.makeUp.tag')}`
                    : key
              }
              style={{
                textAlign: 'center',
                padding: '2px 0',
                borderRadius: 3,
                lineHeight: '16px',
                background: style?.background,
                color: style?.color ?? '#1f2937',
                fontWeight: off || work ? 600 : 400,
              }}
            >
              {d.date()}
              {(off || work) && (
                <sup style={{ fontSize: 9, marginLeft: 1 }}>
                  {off ? t('calendar.holiday.tag') : t('calendar.makeUp.tag')}
                </sup>
              )}
            </span>
          );
        })}
      </div>
    </div>
  );
}

/** 工作日历: the year's holidays and make-up working days; admins edit and import ICS. */
export default function CalendarPage({ session }: { session: Session }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const admin = session.user.role === 'admin';
  const file = useRef<HTMLInputElement>(null);
  const calendar = useQuery({
    queryKey: ['calendar'],
    queryFn: () => call(http.GET('/admin/calendar')),
  });
  const [year, setYear] = useState<number>(() => dayjs().year());
  const [day, setDay] = useState<Dayjs | null>(null);
  const [kind, setKind] = useState<'holiday' | 'makeUp'>('holiday');
  const [problem, setProblem] = useState<string | null>(null);

  const data = calendar.data;
  const current: CalendarYear | undefined = data?.years.find((y) => y.year === year);
  const years = useMemo(() => {
    const set = new Set([...(data?.coveredYears ?? []), dayjs().year(), dayjs().year() + 1]);
    return [...set].sort();
  }, [data]);
  const holidays = useMemo(() => new Set(current?.holidays ?? []), [current]);
  const makeUp = useMemo(() => new Set(current?.makeUpDays ?? []), [current]);

  const save = useMutation({
    mutationFn: (next: { holidays: string[]; makeUpDays: string[] }) =>
      put<CalendarEdit>(`/admin/calendar/years/${year}`, {
        ...next,
        source: current?.source ?? undefined,
      }),
    onSuccess: () => {
      setProblem(null);
      setDay(null);
      void message.success(t('calendar.saved', { year }));
      void queryClient.invalidateQueries({ queryKey: ['calendar'] });
    },
    onError: (error) => setProblem(errorText(t, error)),
  });
  const importIcs = useMutation({
    mutationFn: async (f: File) =>
      call(http.POST('/admin/calendar/import', { body: { ics: await f.text(), source: f.name } })),
    onSuccess: (edits) => {
      setProblem(null);
      void message.success(
        t('calendar.imported', { years: edits.map((e) => e.year.year).join('、') }),
      );
      if (edits[0]) setYear(edits[0].year.year);
      void queryClient.invalidateQueries({ queryKey: ['calendar'] });
    },
    onError: (error) => setProblem(errorText(t, error)),
  });

  const add = () => {
    if (!day) return;
    const key = day.format('YYYY-MM-DD');
    if (day.year() !== year) return setProblem(t('calendar.wrongYear', { year }));
    if (holidays.has(key) || makeUp.has(key))
      return setProblem(t('calendar.duplicate', { date: key }));
    if (kind === 'makeUp' && day.day() !== 0 && day.day() !== 6)
      return setProblem(t('calendar.makeUp.weekend'));
    save.mutate({
      holidays: kind === 'holiday' ? [...holidays, key].sort() : [...holidays],
      makeUpDays: kind === 'makeUp' ? [...makeUp, key].sort() : [...makeUp],
    });
  };
  const remove = (key: string) =>
    save.mutate({
      holidays: [...holidays].filter((d) => d !== key),
      makeUpDays: [...makeUp].filter((d) => d !== key),
    });

  const dayTags = (days: string[], style: typeof HOLIDAY) =>
    days.length === 0 ? (
      <Typography.Text type="secondary">{t('calendar.empty')}</Typography.Text>
    ) : (
      <Space size={[4, 6]} wrap>
        {days.map((d) => (
          <Tag
            key={d}
            bordered
            style={{ background: style.background, color: style.color, borderColor: style.border }}
            closable={admin}
            closeIcon={admin ? undefined : false}
            onClose={(e) => {
              e.preventDefault();
              remove(d);
            }}
            aria-label={d}
          >
            {t('calendar.day', { m: dayjs(d).month() + 1, d: dayjs(d).date() })}{' '}
            {dayjs(d).format('ddd')}
          </Tag>
        ))}
      </Space>
    );

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
          {t('calendar.title')}
        </Typography.Title>
        <Select
          aria-label={t('calendar.year')}
          value={year}
          onChange={setYear}
          style={{ width: 120 }}
          options={years.map((y) => ({ value: y, label: t('calendar.yearLabel', { year: y }) }))}
        />
      </Space>
      {data && (
        <Typography.Text type="secondary">
          {t('calendar.intro', {
            hours: data.workingHours.map((h) => `${h.start}–${h.end}`).join('、'),
            zone: data.timeZone,
            years: data.coveredYears.join('、'),
          })}
        </Typography.Text>
      )}
      {calendar.error && <Alert type="error" showIcon message={errorText(t, calendar.error)} />}
      {problem && (
        <Alert
          type="error"
          showIcon
          role="alert"
          message={problem}
          closable
          onClose={() => setProblem(null)}
        />
      )}
      {data && !current && (
        <Alert type="warning" showIcon message={t('calendar.noData', { year })} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card
              size="small"
              title={t('calendar.yearLabel', { year })}
              loading={calendar.isLoading}
            >
              {current && (
                <Space direction="vertical" size={2} style={{ marginBottom: 12 }}>
                  <ToneTag tone={current.origin === 'official' ? 'info' : 'warn'}>
                    {t(`calendar.origin.${current.origin}`)}
                  </ToneTag>
                  {current.source && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('calendar.source', { source: current.source })}
                    </Typography.Text>
                  )}
                  {current.updatedAt && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('calendar.updated', { at: formatTime(current.updatedAt) })}
                    </Typography.Text>
                  )}
                </Space>
              )}
              <Typography.Title level={3} style={{ fontSize: 15 }}>
                {t('calendar.holidays')}（{current?.holidays.length ?? 0}）
              </Typography.Title>
              {dayTags(current?.holidays ?? [], HOLIDAY)}
              <Typography.Title level={3} style={{ fontSize: 15, marginTop: 16 }}>
                {t('calendar.makeUp')}（{current?.makeUpDays.length ?? 0}）
              </Typography.Title>
              {dayTags(current?.makeUpDays ?? [], MAKE_UP)}
            </Card>
            {admin ? (
              <Card size="small" title={t('calendar.add')}>
                <Space wrap>
                  <DatePicker
                    aria-label={t('calendar.add.day')}
                    value={day}
                    onChange={setDay}
                    defaultPickerValue={dayjs(new Date(year, 0, 1))}
                  />
                  <Select
                    aria-label={t('calendar.add.kind')}
                    value={kind}
                    onChange={setKind}
                    style={{ width: 190 }}
                    options={[
                      { value: 'holiday', label: t('calendar.holidays') },
                      { value: 'makeUp', label: t('calendar.makeUp') },
                    ]}
                  />
                  <Button
                    type="primary"
                    icon={<PlusOutlined />}
                    disabled={!day}
                    loading={save.isPending}
                    onClick={add}
                  >
                    {t('calendar.add')}
                  </Button>
                </Space>
                <div style={{ marginTop: 16 }}>
                  <Button
                    icon={<ImportOutlined />}
                    loading={importIcs.isPending}
                    onClick={() => file.current?.click()}
                  >
                    {t('calendar.import')}
                  </Button>
                  <input
                    ref={file}
                    type="file"
                    accept=".ics,text/calendar"
                    aria-label={t('calendar.import')}
                    style={{ display: 'none' }}
                    onChange={(e) => {
                      const f = e.currentTarget.files?.[0];
                      e.currentTarget.value = '';
                      if (f) importIcs.mutate(f);
                    }}
                  />
                  <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }}>
                    {t('calendar.import.hint')}
                  </Typography.Paragraph>
                </div>
              </Card>
            ) : (
              <Alert type="info" message={t('calendar.readOnly')} />
            )}
          </Space>
        </Col>
        <Col xs={24} lg={15}>
          <Card size="small">
            <Space size={12} style={{ marginBottom: 12 }} wrap>
              <Tag style={{ background: HOLIDAY.background, color: HOLIDAY.color }}>
                {t('calendar.holiday.tag')} · {t('calendar.holidays')}
              </Tag>
              <Tag style={{ background: MAKE_UP.background, color: MAKE_UP.color }}>
                {t('calendar.makeUp.tag')} · {t('calendar.makeUp')}
              </Tag>
            </Space>
            <div
              style={{
                display: 'grid',
                gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))',
                gap: 16,
              }}
            >
              {Array.from({ length: 12 }, (_v, m) => (
                <Month key={m} year={year} month={m} holidays={holidays} makeUp={makeUp} />
              ))}
            </div>
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
