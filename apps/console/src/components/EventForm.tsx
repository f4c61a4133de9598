import { Alert, Checkbox, DatePicker, Form, Input, Radio, Select, Space, Tag } from 'antd';
import type { FormInstance, GetProps } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Candidate, Dispute, DisputeEvent } from '../api/types';
import { labelOf, useI18n } from '../i18n/i18n';

export type { Candidate };

const INSTITUTIONS = ['police_station', 'judicial_office', 'law_firm', 'court'] as const;

/** The fields of one event, as its body schema names them (one form per event type). */
export function EventFields({
  type,
  dispute,
  candidates,
  form,
}: {
  type: string;
  dispute: Dispute;
  candidates: Candidate[];
  form: FormInstance;
}) {
  const { t } = useI18n();
  const required = (key: Parameters<typeof t>[0]) => [
    { required: true, message: t('login.required', { field: t(key) }) },
  ];
  const partyOptions = dispute.parties.map((p) => ({
    value: p.id,
    label: `${p.name}（${labelOf(t, 'partyRole', p.role)}）`,
  }));
  // PML Art. 29 with 民法典 Art. 23: a guardian signs for their ward (the ward's own signature does
  // not count), an agent may sign for their party (or the party in person).
  const signerOptions = dispute.parties.flatMap((p) => {
    const rep = p.representative;
    const ward = p.capacity === 'minor' || p.capacity === 'incapacitated';
    return [
      ...(ward && rep ? [] : [partyOptions.find((o) => o.value === p.id) ?? partyOptions[0]]),
      ...(rep
        ? [
            {
              value: rep.id,
              label: t(rep.kind === 'guardian' ? 'law.signer.guardian' : 'law.signer.agent', {
                name: rep.name,
                party: p.name,
              }),
            },
          ]
        : []),
    ].filter((o): o is { value: string; label: string } => o !== undefined);
  });
  const people = (role: string, institution?: string) =>
    candidates
      .filter((c) => c.role === role && (!institution || c.institution === institution))
      .map((c) => ({ value: c.id, label: c.displayName }));
  const choices = (prefix: string, values: string[]) =>
    values.map((v) => ({ value: v, label: labelOf(t, prefix, v) }));
  const reason = (
    <Form.Item name="reason" label={t('form.reason')} rules={required('form.reason')}>
      <Input.TextArea rows={3} maxLength={2000} showCount />
    </Form.Item>
  );

  switch (type) {
    case 'ACCEPT':
      return (
        <>
          <Form.Item name="officerId" label={t('form.officer')} rules={required('form.officer')}>
            <Select options={people('judicial_officer')} showSearch optionFilterProp="label" />
          </Form.Item>
          <Form.Item name="lawyerId" label={t('form.lawyer')} rules={required('form.lawyer')}>
            <Select options={people('lawyer')} showSearch optionFilterProp="label" />
          </Form.Item>
        </>
      );
    case 'CONVENE_PANEL':
      return <PanelPicker candidates={candidates} form={form} />;
    case 'REACH_AGREEMENT':
      return (
        <>
          <Form.Item name="terms" label={t('form.terms')} rules={required('form.terms')}>
            <Input.TextArea rows={5} maxLength={10000} showCount />
          </Form.Item>
          <Form.Item name="performanceDueAt" label={t('form.performanceDueAt')}>
            <DatePicker showTime style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="signedByPartyIds"
            label={t('form.signedBy')}
            rules={required('form.signedBy')}
          >
            <SignerChecks options={signerOptions} />
          </Form.Item>
        </>
      );
    // PML Art. 23: a party ends mediation, or the parties settled by themselves (its own outcome).
    case 'WITHDRAW':
      return (
        <>
          {!dispute.agreement && (
            <Form.Item name="ground" label={t('law.withdraw.ground')} initialValue="party_ended">
              <Radio.Group
                options={choices('withdrawalGround', ['party_ended', 'settled_by_parties'])}
              />
            </Form.Item>
          )}
          {reason}
        </>
      );
    case 'TRANSFER':
      return (
        <>
          <Form.Item name="agency" label={t('form.agency')} rules={required('form.agency')}>
            <Input maxLength={200} />
          </Form.Item>
          {reason}
        </>
      );
    case 'RECORD_REFUSAL':
      return (
        <>
          <Form.Item name="partyId" label={t('form.party')} rules={required('form.party')}>
            <Select options={partyOptions} />
          </Form.Item>
          <Form.Item name="note" label={t('form.note')} rules={required('form.note')}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </>
      );
    case 'EXTEND_DEADLINE':
      return (
        <>
          <Form.Item name="until" label={t('form.until')} rules={required('form.until')}>
            <DatePicker showTime style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="consentingPartyIds"
            label={t('form.consenting')}
            rules={required('form.consenting')}
          >
            <Checkbox.Group options={partyOptions} />
          </Form.Item>
          {reason}
        </>
      );
    case 'RECORD_CONFIRMATION':
      return (
        <>
          <Form.Item
            name="confirmed"
            label={t('form.confirmed')}
            rules={required('form.confirmed')}
          >
            <Radio.Group
              options={[
                { value: true, label: t('common.yes') },
                { value: false, label: t('common.no') },
              ]}
            />
          </Form.Item>
          <Form.Item name="note" label={t('form.note')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </>
      );
    case 'RECORD_FOLLOW_UP':
      return (
        <>
          <Form.Item
            name="performed"
            label={t('form.performed')}
            rules={required('form.performed')}
          >
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={['full', 'partial', 'none'].map((v) => ({
                value: v,
                label: labelOf(t, 'performance', v),
              }))}
            />
          </Form.Item>
          <Form.Item name="note" label={t('form.note')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </>
      );
    case 'RECORD_CONSENT':
      return (
        <>
          <Form.Item name="partyIds" label={t('form.party')} rules={required('form.party')}>
            <Checkbox.Group options={partyOptions} />
          </Form.Item>
          <Form.Item name="form" label={t('form.consentForm')} rules={required('form.consentForm')}>
            <Radio.Group
              options={choices('consentForm', ['application', 'consent', 'no_objection'])}
            />
          </Form.Item>
          <Form.Item name="rightsNoticeHow" label={t('form.rightsNoticeHow')}>
            <Radio.Group options={choices('noticeHow', ['oral', 'written'])} />
          </Form.Item>
        </>
      );
    case 'CHOOSE_OTHER_ROUTE':
      return (
        <>
          <Form.Item name="route" label={t('form.route')} rules={required('form.route')}>
            <Radio.Group
              options={choices('route', ['arbitration', 'administrative', 'litigation'])}
            />
          </Form.Item>
          {reason}
        </>
      );
    case 'REPORT_TO_POLICE':
      return (
        <>
          <Form.Item name="risk" label={t('form.risk')} rules={required('form.risk')}>
            <Radio.Group
              options={choices('policeRisk', ['violence', 'self_harm', 'threats', 'criminal'])}
            />
          </Form.Item>
          <Form.Item name="station" label={t('form.station')}>
            <Input maxLength={200} />
          </Form.Item>
          {reason}
        </>
      );
    case 'REPLACE_MEDIATOR': {
      const mediators = [
        dispute.officerId,
        dispute.lawyerId,
        ...dispute.panel.map((m) => m.userId),
      ].filter((id): id is string => Boolean(id));
      const named = (ids: string[]) =>
        ids.map((id) => ({
          value: id,
          label: candidates.find((c) => c.id === id)?.displayName ?? id,
        }));
      return (
        <>
          <Form.Item
            name="replacedUserId"
            label={t('form.replaced')}
            rules={required('form.replaced')}
          >
            <Select options={named(mediators)} />
          </Form.Item>
          <Form.Item
            name="replacementUserId"
            label={t('form.replacement')}
            rules={required('form.replacement')}
          >
            <Select
              showSearch
              optionFilterProp="label"
              options={candidates
                .filter((c) => !mediators.includes(c.id))
                .map((c) => ({ value: c.id, label: c.displayName }))}
            />
          </Form.Item>
          <Form.Item name="requestedByPartyId" label={t('form.requestedBy')}>
            <Select allowClear options={partyOptions} />
          </Form.Item>
          {reason}
        </>
      );
    }
    case 'RESUME':
    case 'REQUEST_JUDICIAL_CONFIRMATION':
      return null;
    default:
      return reason;
  }
}

/**
 * A checkbox group a required Form.Item may wrap: the item hands its control `aria-required`,
 * which a group of checkboxes may not carry (axe: aria-allowed-attr); each box says it instead.
 */
function SignerChecks({
  'aria-required': _required,
  ...props
}: GetProps<typeof Checkbox.Group> & { 'aria-required'?: unknown }) {
  return <Checkbox.Group role="group" {...props} />;
}

function PanelPicker({ candidates, form }: { candidates: Candidate[]; form: FormInstance }) {
  const { t } = useI18n();
  const chosen = Form.useWatch<Record<string, string | undefined>>('panel', form) ?? {};
  const missing = INSTITUTIONS.filter((i) => !chosen[i]);
  return (
    <>
      {INSTITUTIONS.map((institution) => (
        <Form.Item
          key={institution}
          name={['panel', institution]}
          label={labelOf(t, 'institution', institution)}
        >
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            options={candidates
              .filter((c) => c.role === 'panel_member' && c.institution === institution)
              .map((c) => ({ value: c.id, label: c.displayName }))}
          />
        </Form.Item>
      ))}
      {missing.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          message={
            <Space wrap>
              {t('form.member.missing', { list: '' })}
              {missing.map((i) => (
                <Tag key={i} color="orange">
                  {labelOf(t, 'institution', i)}
                </Tag>
              ))}
            </Space>
          }
        />
      ) : (
        <Alert type="success" showIcon message={t('form.member.complete')} />
      )}
    </>
  );
}

/** The form's values as the event's body. */
/**
 * The event a filled-in form sends. Form values are untyped by nature (Ant Design's Form), so
 * this is the one place they are declared an event; the API checks every field (a 400 names
 * the field, and the form shows it).
 */
export function toEventBody(type: string, values: Record<string, unknown>): DisputeEvent {
  const body: Record<string, unknown> = { type };
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null || key === 'panel') continue;
    body[key] = isDayjs(value) ? value.toISOString() : value;
  }
  if (type === 'CONVENE_PANEL') {
    const panel = (values.panel ?? {}) as Record<string, string | undefined>;
    body.members = Object.entries(panel)
      .filter(([, userId]) => Boolean(userId))
      .map(([institution, userId]) => ({ userId, institution }));
  }
  return body as DisputeEvent;
}

function isDayjs(value: unknown): value is Dayjs {
  return (
    typeof value === 'object' && value !== null && 'toISOString' in value && 'isValid' in value
  );
}
