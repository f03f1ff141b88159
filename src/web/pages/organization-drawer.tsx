/** Create / edit an organisation in a drawer; every field of OrganizationInput, validated with the shared schema. */
import { Button, Col, Drawer, Flex, Form, Input, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  ORG_KINDS, OrganizationInput, OrganizationUpdate, type Organization,
} from '../../shared/schemas/organizations.ts';
import { AdminUnitSelect } from '../components/admin-unit-select.tsx';
import { ScienceFieldSelect } from '../components/science-field-select.tsx';
import { isRequired, zodRules } from '../form-validation.ts';
import { useDrawerRecord, useRecordSave } from '../record-form.ts';

interface Props {
  open: boolean;
  /** The organisation to edit; null to create one. */
  record: Organization | null;
  onClose(): void;
  onSaved(org: Organization, created: boolean): void;
}

const EMPTY = { kind: 'enterprise', isStEnterprise: false };

export function OrganizationDrawer({ open, record: initial, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const { record, reload } = useDrawerRecord({ form, open, initial, empty: EMPTY, basePath: '/api/organizations' });

  const { saving, submit } = useRecordSave({
    form, inputSchema: OrganizationInput, updateSchema: OrganizationUpdate, basePath: '/api/organizations',
    record, onSaved, onReload: () => void reload(), // reload shows its own errors
  });

  const item = (name: keyof typeof OrganizationInput.shape) => ({
    name, label: t(`org.fields.${name === 'adminUnitId' ? 'adminUnit' : name}`),
    rules: zodRules(OrganizationInput, name), required: isRequired(OrganizationInput, name),
  });

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={record ? t('org.edit') : t('org.new')}
      size={760}
      destroyOnHidden
      footer={(
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>{t('common.save')}</Button>
        </Flex>
      )}
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={EMPTY} name="organization" scrollToFirstError>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item {...item('kind')}>
              <Select options={ORG_KINDS.map((k) => ({ value: k, label: t(`org.kinds.${k}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item {...item('isStEnterprise')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item {...item('name')}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item {...item('shortName')}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item {...item('taxCode')} extra={t('org.taxCodeHint')} validateTrigger="onBlur">
              <Input inputMode="numeric" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item {...item('address')}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item {...item('adminUnitId')}>
              <AdminUnitSelect
                placeholder={t('org.adminUnitPlaceholder')}
                initialOption={record?.adminUnitId && record.adminUnitName ? { value: record.adminUnitId, label: record.adminUnitName } : null}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item {...item('scienceField')}>
              <ScienceFieldSelect />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item {...item('phone')}>
              <Input type="tel" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item {...item('email')} validateTrigger="onBlur">
              <Input type="email" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item {...item('website')}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item {...item('note')}>
              <Input.TextArea rows={3} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}
