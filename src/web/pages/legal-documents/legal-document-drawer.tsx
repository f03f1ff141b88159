/**
 * Add / change a legal document: number, type, issuer, dates, title, validity. National (shared by every province)
 * is chosen once, when it is created, and only by administrators.
 */
import { Col, Form, Input, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { LEGAL_DOC_TYPES, LegalDocumentInput, LegalDocumentUpdate } from '../../../shared/schemas/legal-documents.ts';
import type { Schemas } from '../../api.ts';
import { DateInput } from '../../components/date-input.tsx';
import { RecordDrawer } from '../../components/record-drawer.tsx';
import { useUser } from '../../session.tsx';
import { canWriteNationalDocuments } from './legal-document-permissions.ts';

type Doc = Schemas['LegalDocument'];

interface Props {
  open: boolean;
  record: Doc | null;
  /** Values of a new document (prefilled from a cited reference). */
  initial?: Record<string, unknown>;
  onClose(): void;
  onSaved(doc: Doc, created: boolean): void;
}

const EMPTY = { docType: 'decision', national: false };

export function LegalDocumentDrawer({ open, record, initial, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const user = useUser();
  const mayNational = canWriteNationalDocuments(user.role);
  return (
    <RecordDrawer
      open={open} record={record} onClose={onClose} onSaved={onSaved} empty={{ ...EMPTY, ...initial }} name="legal_document"
      labels="legalDoc.fields" basePath="/api/legal-documents" inputSchema={LegalDocumentInput} updateSchema={LegalDocumentUpdate}
      size={720} title={{ create: t('legalDoc.new'), edit: t('legalDoc.edit') }}
    >
      {({ field, record: current }) => (
        <>
          <Col xs={24} md={12}>
            <Form.Item {...field('number')} extra={t('legalDoc.hints.number')}><Input /></Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item {...field('docType')}>
              <Select options={LEGAL_DOC_TYPES.map((k) => ({ value: k, label: t(`legalDoc.types.${k}`) }))} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item {...field('title')}><Input.TextArea rows={2} /></Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item {...field('issuer')}><Input /></Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item {...field('issuedOn')}><DateInput /></Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item {...field('effectiveFrom')}><DateInput /></Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item {...field('effectiveTo')} extra={t('legalDoc.hints.effectiveTo')}><DateInput /></Form.Item>
          </Col>
          {!current && (
            <Col span={24}>
              {mayNational ? (
                <Form.Item {...field('national')} valuePropName="checked" extra={t('legalDoc.hints.national')}><Switch /></Form.Item>
              ) : (
                <Form.Item label={t('legalDoc.fields.scope')}>{t('legalDoc.hints.nationalOfficer')}</Form.Item>
              )}
            </Col>
          )}
          <Col span={24}>
            <Form.Item {...field('note')}><Input.TextArea rows={2} /></Form.Item>
          </Col>
        </>
      )}
    </RecordDrawer>
  );
}
