/**
 * Add / change an agency of the province: kind, name, the department a division belongs to, validity dates, and
 * whether it is the DOST whose name heads the province's documents in that period (symbol and place of its documents).
 */
import { Col, Form, Input, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { AGENCY_KINDS, AgencyInput, AgencyUpdate, type Agency } from '../../../shared/schemas/agencies.ts';
import { todayInVietnam } from '../../../lib/vi/dates.ts';
import { AgencySelect } from '../../components/agency-select.tsx';
import { RecordDrawer } from '../../components/record-drawer.tsx';
import { DateInput } from '../../components/date-input.tsx';

interface Props {
  open: boolean;
  record: Agency | null;
  onClose(): void;
  onSaved(agency: Agency, created: boolean): void;
}

const EMPTY = { kind: 'department', validFrom: todayInVietnam(), issuesDocuments: false };

export function AgencyDrawer({ open, record, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  return (
    <RecordDrawer
      open={open} record={record} onClose={onClose} onSaved={onSaved} empty={EMPTY} name="agency" labels="agency.fields"
      basePath="/api/agencies" inputSchema={AgencyInput} updateSchema={AgencyUpdate} size={640}
      title={{ create: t('agency.new'), edit: t('agency.edit') }}
    >
      {({ field, record: current }) => (
        <>
          <Col xs={24} md={12}>
            <Form.Item {...field('kind')}>
              <Select options={AGENCY_KINDS.map((k) => ({ value: k, label: t(`agency.kinds.${k}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item {...field('shortName')}><Input /></Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item {...field('name')} extra={t('agency.nameHint')}><Input /></Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item {...field('parentId')} extra={t('agency.parentHint')}>
              <AgencySelect initialOption={current?.parentId && current.parentName ? { value: current.parentId, label: current.parentName } : null} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item {...field('validFrom')}><DateInput /></Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item {...field('validTo')} extra={t('agency.validToHint')}><DateInput /></Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item {...field('issuesDocuments')} valuePropName="checked" extra={t('agency.issuesDocumentsHint')}><Switch /></Form.Item>
          </Col>
          <Form.Item noStyle dependencies={['issuesDocuments']}>
            {({ getFieldValue }) => (getFieldValue('issuesDocuments') ? (
              <>
                <Col xs={24} md={12}>
                  <Form.Item {...field('documentSymbol')} required extra={t('agency.documentSymbolHint')}><Input /></Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item {...field('placeName')} required extra={t('agency.placeNameHint')}><Input /></Form.Item>
                </Col>
              </>
            ) : null)}
          </Form.Item>
          <Col span={24}>
            <Form.Item {...field('note')}><Input.TextArea rows={3} /></Form.Item>
          </Col>
        </>
      )}
    </RecordDrawer>
  );
}
