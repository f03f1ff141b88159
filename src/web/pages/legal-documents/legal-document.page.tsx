/**
 * A legal document: its fields, its files, its relations both ways ("triển khai thực hiện" on one side, "được
 * triển khai bởi" on the other) with a form to add one, the policy chain up and down, and "Dán văn bản, liên kết"
 * to link the documents a pasted text cites.
 */
import { useCallback, useEffect, useState } from 'react';
import { Button, Card, Descriptions, Flex, Popconfirm, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, FileSearchOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { LEGAL_RELATION_KINDS, type LegalRelationKind } from '../../../shared/schemas/legal-documents.ts';
import { api, isApiError, type ApiError, type Schemas } from '../../api.ts';
import { useFeedback } from '../../feedback.tsx';
import { formatDate } from '../../format.ts';
import { useUser } from '../../session.tsx';
import { LegalDocumentDrawer } from './legal-document-drawer.tsx';
import { LegalDocumentFiles } from './legal-document-files.tsx';
import { canAddLegalDocuments, canRelateDocuments, canWriteLegalDocument } from './legal-document-permissions.ts';
import { LegalDocumentSelect } from './legal-document-select.tsx';
import { LegalRefsModal } from './legal-refs-modal.tsx';
import { PolicyChainView } from './policy-chain.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { LoadErrorPage } from '../../components/status-page.tsx';

type Detail = Schemas['LegalDocumentDetail'];
type Relation = Detail['relations'][number];

export function LegalDocumentPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const user = useUser();
  const { showError, showSuccess } = useFeedback();
  const [doc, setDoc] = useState<Detail | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [editing, setEditing] = useState(false);
  const [pasting, setPasting] = useState(false);
  const [kind, setKind] = useState<LegalRelationKind>('implements');
  const [target, setTarget] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  // Bumped when relations change, so the chain is walked again.
  const [generation, setGeneration] = useState(0);

  const load = useCallback(async () => {
    try {
      setDoc(await api.get('/api/legal-documents/{id}', { params: { id } }));
      setError(null);
    } catch (e) {
      if (isApiError(e)) setError(e);
      else showError(e);
    }
  }, [id, showError]);
  useEffect(() => { setDoc(null); void load(); }, [load]);

  const changed = (detail: Detail) => { setDoc(detail); setGeneration((g) => g + 1); };

  const addRelation = async () => {
    if (!target) return;
    setAdding(true);
    try {
      changed(await api.post('/api/legal-documents/{id}/relations', { params: { id }, body: { kind, targetId: target } }));
      setTarget(null);
      showSuccess(t('legalDoc.relations.added'));
    } catch (e) {
      showError(e);
    } finally {
      setAdding(false);
    }
  };

  const removeRelation = async (r: Relation) => {
    try {
      await api.delete('/api/legal-documents/{id}/relations/{relationId}', { params: { id, relationId: r.id } });
      showSuccess(t('legalDoc.relations.removed'));
      await load();
      setGeneration((g) => g + 1);
    } catch (e) {
      showError(e);
    }
  };

  if (error) return <LoadErrorPage status={error.status} message={error.message} />;
  if (!doc) return <Spin aria-label={t('common.loading')} />;

  const writer = canWriteLegalDocument(user.role, doc);
  const relationName = (r: Relation) => t(`legalDoc.${r.direction === 'outgoing' ? 'relationKinds' : 'relationInverse'}.${r.kind}`);
  const relationColumns = [
    { title: t('legalDoc.relations.relation'), key: 'kind', width: 220, render: (_: unknown, r: Relation) => <Tag>{relationName(r)}</Tag> },
    {
      title: t('legalDoc.relations.document'), key: 'document',
      render: (_: unknown, r: Relation) => (
        <div>
          <Link to={`/legal-documents/${r.document.id}`}>{t(`legalDoc.types.${r.document.docType}`)} {r.document.number}</Link>
          {r.document.issuedOn && <Typography.Text type="secondary"> · {formatDate(r.document.issuedOn)}</Typography.Text>}
          <div><Typography.Text type="secondary">{r.document.title}</Typography.Text></div>
        </div>
      ),
    },
    {
      title: t('common.actions'), key: 'actions', width: 90,
      render: (_: unknown, r: Relation) => (canRelateDocuments(user.role, doc, r.document) ? (
        <Popconfirm title={t('legalDoc.relations.confirmRemove', { relation: relationName(r), number: r.document.number })}
          okText={t('legalDoc.relations.remove')} cancelText={t('common.cancel')} okButtonProps={{ danger: true }} onConfirm={() => removeRelation(r)}>
          <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('legalDoc.relations.remove')} />
        </Popconfirm>
      ) : null),
    },
  ];

  return (
    <>
      <Link to="/legal-documents"><ArrowLeftOutlined /> {t('legalDoc.back')}</Link>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ margin: '12px 0 16px' }}>
        <div>
          <PageTitle>
            {t(`legalDoc.types.${doc.docType}`)} {doc.number}{' '}
            <Tag color={doc.national ? 'geekblue' : 'default'}>{t(`legalDoc.scopes.${doc.national ? 'national' : 'province'}`)}</Tag>
          </PageTitle>
          <Typography.Text>{doc.title}</Typography.Text>
        </div>
        <Space wrap>
          <Button icon={<FileSearchOutlined />} onClick={() => setPasting(true)}>{t('legalDoc.refs.open')}</Button>
          {writer && <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>{t('common.edit')}</Button>}
        </Space>
      </Flex>

      <Card title={t('legalDoc.general')} size="small" style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('legalDoc.fields.number')}>{doc.number}</Descriptions.Item>
          <Descriptions.Item label={t('legalDoc.fields.docType')}>{t(`legalDoc.types.${doc.docType}`)}</Descriptions.Item>
          <Descriptions.Item label={t('legalDoc.fields.issuer')}>{doc.issuer ?? t('common.none')}</Descriptions.Item>
          <Descriptions.Item label={t('legalDoc.fields.issuedOn')}>{doc.issuedOn ? formatDate(doc.issuedOn) : t('common.none')}</Descriptions.Item>
          <Descriptions.Item label={t('legalDoc.fields.effectiveFrom')}>{doc.effectiveFrom ? formatDate(doc.effectiveFrom) : t('common.none')}</Descriptions.Item>
          <Descriptions.Item label={t('legalDoc.fields.effectiveTo')}>{doc.effectiveTo ? formatDate(doc.effectiveTo) : t('common.none')}</Descriptions.Item>
          <Descriptions.Item label={t('legalDoc.fields.title')} span={2}>{doc.title}</Descriptions.Item>
          {doc.note && <Descriptions.Item label={t('legalDoc.fields.note')} span={2}>{doc.note}</Descriptions.Item>}
        </Descriptions>
      </Card>

      <Card title={t('legalDoc.chain.title')} size="small" style={{ marginBottom: 16 }}>
        <PolicyChainView documentId={doc.id} generation={generation} />
      </Card>

      <Card title={t('legalDoc.relations.title')} size="small" style={{ marginBottom: 16 }}>
        {canAddLegalDocuments(user.role) && (
          <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
            <Typography.Text>{t('legalDoc.relations.kindLabel')}</Typography.Text>
            <Select aria-label={t('legalDoc.relations.relation')} value={kind} onChange={setKind} style={{ width: 220 }}
              options={LEGAL_RELATION_KINDS.map((k) => ({ value: k, label: t(`legalDoc.relationKinds.${k}`) }))} />
            <div style={{ width: 420 }}>
              <LegalDocumentSelect value={target} onChange={setTarget} placeholder={t('legalDoc.relations.target')} />
            </div>
            <Button icon={<PlusOutlined />} disabled={!target} loading={adding} onClick={() => void addRelation()}>{t('legalDoc.relations.add')}</Button>
          </Flex>
        )}
        <Table<Relation> rowKey="id" size="small" pagination={false} columns={relationColumns} dataSource={doc.relations}
          locale={{ emptyText: <Typography.Text type="secondary">{t('legalDoc.relations.empty')}</Typography.Text> }} />
      </Card>

      <Card title={t('legalDoc.files.title')} size="small">
        <LegalDocumentFiles documentId={doc.id} />
      </Card>

      {editing && (
        <LegalDocumentDrawer open record={doc} onClose={() => setEditing(false)}
          onSaved={() => { setEditing(false); void load(); setGeneration((g) => g + 1); }} />
      )}
      {pasting && (
        <LegalRefsModal open current={doc} onClose={() => setPasting(false)} onLinked={changed} />
      )}
    </>
  );
}
