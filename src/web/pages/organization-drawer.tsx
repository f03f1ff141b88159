/** Create / edit an organisation: every field of OrganizationInput, validated with the shared schema. */
import { Col, Input, Select, Switch, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { ORG_KINDS, OrganizationInput, OrganizationUpdate, type Organization } from '../../shared/schemas/organizations.ts';
import { AdminUnitSelect } from '../components/admin-unit-select.tsx';
import { RecordDrawer } from '../components/record-drawer.tsx';
import { ScienceFieldSelect } from '../components/science-field-select.tsx';

interface Props {
  open: boolean;
  /** The organisation to edit; null to create one. */
  record: Organization | null;
  onClose(): void;
  onSaved(org: Organization, created: boolean): void;
}

const EMPTY = { kind: 'enterprise', isStEnterprise: false };

export function OrganizationDrawer({ open, record, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  return (
    <RecordDrawer
      open={open} record={record} onClose={onClose} onSaved={onSaved} empty={EMPTY} name="organization" labels="org.fields"
      basePath="/api/organizations" inputSchema={OrganizationInput} updateSchema={OrganizationUpdate}
      title={{ create: t('org.new'), edit: t('org.edit') }}
    >
      {({ field, record: current }) => (
        <>
          <Col xs={24} md={12}>
            <Form.Item {...field('kind')}>
              <Select options={ORG_KINDS.map((k) => ({ value: k, label: t(`org.kinds.${k}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item {...field('isStEnterprise')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item {...field('name')}><Input /></Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item {...field('shortName')}><Input /></Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item {...field('taxCode')} extra={t('org.taxCodeHint')} validateTrigger="onBlur">
              <Input inputMode="numeric" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item {...field('address')}><Input /></Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item {...field('adminUnitId', t('org.fields.adminUnit'))}>
              <AdminUnitSelect
                placeholder={t('org.adminUnitPlaceholder')}
                initialOption={current?.adminUnitId && current.adminUnitName ? { value: current.adminUnitId, label: current.adminUnitName } : null}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item {...field('scienceField')}><ScienceFieldSelect /></Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item {...field('phone')}><Input type="tel" /></Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item {...field('email')} validateTrigger="onBlur"><Input type="email" /></Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item {...field('website')}><Input /></Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item {...field('note')}><Input.TextArea rows={3} /></Form.Item>
          </Col>
        </>
      )}
    </RecordDrawer>
  );
}
