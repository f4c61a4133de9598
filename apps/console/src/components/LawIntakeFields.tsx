import { Checkbox, Form, Input, Radio, Select, Space, Tag, Typography } from 'antd';
import type { Dispute, Party } from '../api/types';
import type { FormInstance } from 'antd';
import { labelOf, useI18n } from '../i18n/i18n';

const CAPACITIES = ['full', 'minor', 'incapacitated'] as const;

/**
 * One party's capacity and the guardian or agent who acts and signs for them (PML Art. 23,
 * 民法典 Art. 23): a minor or a party without full capacity needs a guardian; anyone may name
 * an agent. The rules mirror the server's, which answers 400 naming the party otherwise.
 */
export function PartyRepresentationFields({ form, name }: { form: FormInstance; name: number }) {
  const { t } = useI18n();
  const capacity = Form.useWatch(['parties', name, 'capacity'], form) as string | undefined;
  const kind = Form.useWatch(['parties', name, 'representative', 'kind'], form) as
    string | undefined;
  const ward = capacity === 'minor' || capacity === 'incapacitated';
  return (
    <Space wrap align="start" size={12}>
      <Form.Item name={[name, 'capacity']} label={t('law.party.capacity')}>
        <Select
          size="large"
          style={{ width: 190 }}
          options={CAPACITIES.map((c) => ({ value: c, label: labelOf(t, 'law.capacity', c) }))}
        />
      </Form.Item>
      <Form.Item
        name={[name, 'representative', 'kind']}
        label={t('law.party.representative')}
        rules={[
          {
            validator: (_rule, value: string | undefined) =>
              ward && value !== 'guardian'
                ? Promise.reject(new Error(t('law.party.guardianRequired')))
                : !ward && value === 'guardian'
                  ? Promise.reject(new Error(t('law.party.guardianOnlyForWard')))
                  : Promise.resolve(),
          },
        ]}
        dependencies={[['parties', name, 'capacity']]}
      >
        <Select
          size="large"
          style={{ width: 200 }}
          options={[
            { value: 'none', label: t('law.representative.none') },
            { value: 'guardian', label: t('law.representative.guardian') },
            { value: 'agent', label: t('law.representative.agent') },
          ]}
        />
      </Form.Item>
      {(kind === 'guardian' || kind === 'agent') && (
        <>
          <Form.Item
            name={[name, 'representative', 'name']}
            label={t('law.party.representativeName')}
            rules={[
              {
                required: true,
                message: t('login.required', { field: t('law.party.representativeName') }),
              },
            ]}
          >
            <Input size="large" maxLength={100} style={{ width: 150 }} />
          </Form.Item>
          <Form.Item name={[name, 'representative', 'relation']} label={t('law.party.relation')}>
            <Input size="large" maxLength={50} style={{ width: 120 }} />
          </Form.Item>
        </>
      )}
    </Space>
  );
}

/** The case's mediation type (人民调解/治安调解/诉前调解) and whether it is mediated in private. */
export function CaseLawFields() {
  const { t } = useI18n();
  return (
    <Space wrap align="start" size={16} style={{ width: '100%' }}>
      <Form.Item name="mediationType" label={t('law.case.mediationType')}>
        <Radio.Group
          optionType="button"
          size="large"
          options={(['people', 'police', 'court'] as const).map((v) => ({
            value: v,
            label: labelOf(t, 'law.mediationType', v),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="private"
        valuePropName="checked"
        label={t('law.case.settings')}
        extra={<Typography.Text type="secondary">{t('law.case.privateHint')}</Typography.Text>}
      >
        <Checkbox>{t('law.case.private')}</Checkbox>
      </Form.Item>
    </Space>
  );
}

interface PartyValues {
  capacity?: string;
  representative?: { kind?: string; name?: string; relation?: string };
}

/** The intake body's fields for one party's representation: omitted when nobody represents them. */
export function representationBody(p: PartyValues): Record<string, unknown> {
  const rep = p.representative;
  return {
    ...(p.capacity && p.capacity !== 'full' ? { capacity: p.capacity } : {}),
    ...(rep && (rep.kind === 'guardian' || rep.kind === 'agent') && rep.name
      ? {
          representative: {
            kind: rep.kind,
            name: rep.name,
            ...(rep.relation ? { relation: rep.relation } : {}),
          },
        }
      : {}),
  };
}

/** A party's name, with their capacity and the guardian or agent who acts for them. */
export function PartyName({ party }: { party: Party }) {
  const { t } = useI18n();
  const rep = party.representative;
  return (
    <Space direction="vertical" size={0}>
      <span>
        {party.name}
        {party.capacity && party.capacity !== 'full' && (
          <Typography.Text type="secondary">
            （{labelOf(t, 'law.capacity', party.capacity)}）
          </Typography.Text>
        )}
      </span>
      {rep && (
        <Typography.Text type="secondary">
          {t(rep.kind === 'guardian' ? 'law.party.guardianIs' : 'law.party.agentIs', {
            name: rep.name,
          })}
        </Typography.Text>
      )}
    </Space>
  );
}

/** The case's mediation type, and a tag when it is mediated in private. */
export function CaseLawSummary({ dispute }: { dispute: Dispute }) {
  const { t } = useI18n();
  return (
    <Space wrap>
      {labelOf(t, 'law.mediationType', dispute.mediationType ?? 'people')}
      {dispute.private && <Tag color="purple">{t('law.case.privateTag')}</Tag>}
    </Space>
  );
}
