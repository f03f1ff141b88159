/** Create / edit a person (chuyên gia) in a drawer; every field of PersonInput, validated with the shared schema. */
import { Button, Col, Drawer, Flex, Form, Input, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { ACADEMIC_TITLES, DEGREES, PersonInput, PersonUpdate, type Person } from '../../shared/schemas/people.ts';
import { OrganizationSelect } from '../components/organization-select.tsx';
import { ScienceFieldSelect } from '../components/science-field-select.tsx';
import { isRequired, zodRules } from '../form-validation.ts';
import { useDrawerRecord, useRecordSave } from '../record-form.ts';

interface Props {
  open: boolean;
  record: Person | null;
  onClose(): void;
  onSaved(person: Person, created: boolean): void;
}

const EMPTY = { isExpert: true };

export function PersonDrawer({ open, record: initial, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const { record, reload } = useDrawerRecord({ form, open, initial, empty: EMPTY, basePath: '/api/people' });

  const { saving, submit } = useRecordSave({
    form, inputSchema: PersonInput, updateSchema: PersonUpdate, basePath: '/api/people', record, onSaved, onReload: () => void reload(),
  });

  const item = (name: keyof typeof PersonInput.shape) => ({
    name, label: t(`person.fields.${name === 'organizationId' ? 'organization' : name}`),
    rules: zodRules(PersonInput, name), required: isRequired(PersonInput, name),
  });

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={record ? t('person.edit') : t('person.new')}
      size={760}
      destroyOnHidden
      footer={(
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>{t('common.save')}</Button>
        </Flex>
      )}
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={EMPTY} name="person" scrollToFirstError>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item {...item('fullName')}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item {...item('academicTitle')}>
              <Select allowClear options={ACADEMIC_TITLES.map((v) => ({ value: v, label: t(`person.titles.${v}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item {...item('degree')}>
              <Select allowClear options={DEGREES.map((v) => ({ value: v, label: t(`person.degrees.${v}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item {...item('position')}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item {...item('organizationId')}>
              <OrganizationSelect
                placeholder={t('person.organizationPlaceholder')}
                initialOption={record?.organizationId && record.organizationName ? { value: record.organizationId, label: record.organizationName } : null}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item {...item('scienceField')}>
              <ScienceFieldSelect />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item {...item('isExpert')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item {...item('expertise')}>
              <Input.TextArea rows={3} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item {...item('email')} validateTrigger="onBlur">
              <Input type="email" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item {...item('phone')}>
              <Input type="tel" />
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
