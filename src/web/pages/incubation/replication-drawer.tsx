/** Add / change a replicated model: what it replicates (a khcn task or a described source), where, by whom, support. */
import { Col, Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { REPLICATION_SOURCE_KINDS, ReplicatedModelInput, ReplicatedModelUpdate } from '../../../shared/schemas/replications.ts';
import type { Schemas } from '../../api.ts';
import { AdminUnitSelect } from '../../components/admin-unit-select.tsx';
import { OrganizationSelect } from '../../components/organization-select.tsx';
import { RecordDrawer } from '../../components/record-drawer.tsx';
import { RemoteSelect } from '../../components/remote-select.tsx';
import { LegalDocumentSelect } from '../legal-documents/legal-document-select.tsx';

type Model = Schemas['ReplicatedModel'];

interface Props {
  open: boolean;
  record: Model | null;
  onClose(): void;
  onSaved(m: Model, created: boolean): void;
}

const EMPTY = { sourceKind: 'other_province', year: new Date().getFullYear() };

export function ReplicationDrawer({ open, record, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  return (
    <RecordDrawer
      open={open} record={record} onClose={onClose} onSaved={onSaved} empty={EMPTY} name="replicated_model"
      labels="replication.fields" basePath="/api/replications" inputSchema={ReplicatedModelInput} updateSchema={ReplicatedModelUpdate}
      size={760} title={{ create: t('replication.new'), edit: t('replication.edit') }}
    >
      {({ field, form, record: current }) => {
        const kind = (form.getFieldValue('sourceKind') as string | undefined) ?? current?.sourceKind ?? 'other_province';
        return (
          <>
            <Col span={24}><Form.Item {...field('name')}><Input /></Form.Item></Col>
            <Col xs={24} md={10}>
              <Form.Item {...field('sourceKind')}>
                <Select options={REPLICATION_SOURCE_KINDS.map((k) => ({ value: k, label: t(`replication.sources.${k}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={14}>
              <Form.Item noStyle shouldUpdate={(a, b) => a.sourceKind !== b.sourceKind}>
                {() => ((form.getFieldValue('sourceKind') ?? kind) === 'task' ? (
                  <Form.Item {...field('taskId')} required>
                    <RemoteSelect
                      path="/api/tasks" toOption={(x) => ({ value: x.id, label: `${x.code ? `${x.code} — ` : ''}${x.title}` })}
                      placeholder={t('replication.searchTask')}
                      initialOption={current?.taskId ? { value: current.taskId, label: current.taskTitle ?? current.taskId } : null}
                    />
                  </Form.Item>
                ) : (
                  <Form.Item {...field('sourceDescription')} required extra={t('replication.hints.sourceDescription')}><Input /></Form.Item>
                ))}
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item {...field('adminUnitId')}>
                <AdminUnitSelect initialOption={current?.adminUnitId ? { value: current.adminUnitId, label: current.adminUnitName ?? '' } : null} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}><Form.Item {...field('place')}><Input /></Form.Item></Col>
            <Col xs={24} md={12}>
              <Form.Item {...field('adopterOrganizationId')}>
                <OrganizationSelect initialOption={current?.adopterOrganizationId ? { value: current.adopterOrganizationId, label: current.adopterName ?? '' } : null} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}><Form.Item {...field('adopterName')}><Input /></Form.Item></Col>
            <Col xs={24} md={16}><Form.Item {...field('scale')}><Input /></Form.Item></Col>
            <Col xs={24} md={8}><Form.Item {...field('year')}><InputNumber min={1990} max={2100} style={{ width: '100%' }} /></Form.Item></Col>
            <Col span={24}><Form.Item {...field('results')}><Input.TextArea rows={2} /></Form.Item></Col>
            <Col xs={24} md={10}>
              <Form.Item {...field('supportAmount')} extra={t('replication.hints.supportAmount')}>
                <InputNumber<number> min={0} step={1_000_000} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={14}>
              <Form.Item {...field('legalDocumentId')}>
                <LegalDocumentSelect initialOption={current?.legalDocumentId ? { value: current.legalDocumentId, label: current.legalDocumentNumber ?? '' } : null} />
              </Form.Item>
            </Col>
            <Col span={24}><Form.Item {...field('note')}><Input.TextArea rows={2} /></Form.Item></Col>
          </>
        );
      }}
    </RecordDrawer>
  );
}
