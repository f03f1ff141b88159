/** Create / edit a person (chuyên gia): every field of PersonInput, validated with the shared schema. */
import { Col, Form, Input, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { ACADEMIC_TITLES, DEGREES, PersonInput, PersonUpdate, type Person } from '../../shared/schemas/people.ts';
import { OrganizationSelect } from '../components/organization-select.tsx';
import { RecordDrawer } from '../components/record-drawer.tsx';
import { ScienceFieldSelect } from '../components/science-field-select.tsx';

interface Props {
  open: boolean;
  record: Person | null;
  onClose(): void;
  onSaved(person: Person, created: boolean): void;
}

const EMPTY = { isExpert: true };

export function PersonDrawer({ open, record, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  return (
    <RecordDrawer
      open={open} record={record} onClose={onClose} onSaved={onSaved} empty={EMPTY} name="person" labels="person.fields"
      basePath="/api/people" inputSchema={PersonInput} updateSchema={PersonUpdate}
      title={{ create: t('person.new'), edit: t('person.edit') }}
    >
      {({ field, record: current }) => (
        <>
          <Col xs={24} md={12}>
            <Form.Item {...field('fullName')}><Input /></Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item {...field('academicTitle')}>
              <Select allowClear options={ACADEMIC_TITLES.map((v) => ({ value: v, label: t(`person.titles.${v}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item {...field('degree')}>
              <Select allowClear options={DEGREES.map((v) => ({ value: v, label: t(`person.degrees.${v}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item {...field('position')}><Input /></Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item {...field('organizationId', t('person.fields.organization'))}>
              <OrganizationSelect
                placeholder={t('person.organizationPlaceholder')}
                initialOption={current?.organizationId && current.organizationName ? { value: current.organizationId, label: current.organizationName } : null}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item {...field('scienceField')}><ScienceFieldSelect /></Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item {...field('isExpert')} valuePropName="checked"><Switch /></Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item {...field('expertise')}><Input.TextArea rows={3} /></Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item {...field('email')} validateTrigger="onBlur"><Input type="email" /></Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item {...field('phone')}><Input type="tel" /></Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item {...field('note')}><Input.TextArea rows={3} /></Form.Item>
          </Col>
        </>
      )}
    </RecordDrawer>
  );
}
