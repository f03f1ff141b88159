/**
 * The policy chain of a document as two trees: down, what carries it out (Nghị quyết 05-NQ/TW → Chương trình
 * 16-CTr/TU → Kế hoạch 98/KH-UBND), and up, what it carries out. Each node links to its document and lists what
 * serves it (records other modules register as servants of a document, linked like inbox subjects).
 */
import { useEffect, useState } from 'react';
import { Alert, Col, Empty, Row, Spin, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, type Schemas } from '../../api.ts';
import { useFeedback } from '../../feedback.tsx';
import { formatDate } from '../../format.ts';
import { subjectLink } from '../../modules.tsx';

type Chain = Schemas['PolicyChain'];
type ChainNode = Schemas['PolicyChainNode'];

function Servants({ items }: { items: Schemas['ChainServant'][] }) {
  const { t, i18n } = useTranslation();
  if (items.length === 0) return null;
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  return (
    <div>
      <Typography.Text type="secondary">{t('legalDoc.chain.servedBy')}: </Typography.Text>
      {items.map((s) => {
        const href = subjectLink(s.type, s.id);
        const text = `${s.label[lang]}: ${s.title}`;
        return <Tag key={`${s.type}/${s.id}`}>{href ? <Link to={href}>{text}</Link> : text}</Tag>;
      })}
    </div>
  );
}

function Title({ doc, kind, servedBy }: { doc: Schemas['LegalDocumentSummary']; kind?: string; servedBy: Schemas['ChainServant'][] }) {
  const { t } = useTranslation();
  return (
    <span>
      {kind && <Tag>{t(`legalDoc.relationKinds.${kind}`)}</Tag>}
      <Link to={`/legal-documents/${doc.id}`}>{t(`legalDoc.types.${doc.docType}`)} {doc.number}</Link>
      {doc.issuedOn && <Typography.Text type="secondary"> · {formatDate(doc.issuedOn)}</Typography.Text>}
      <div><Typography.Text type="secondary">{doc.title}</Typography.Text></div>
      <Servants items={servedBy} />
    </span>
  );
}

/** The chain's paths as a tree under the root (`parentKey` null hangs from the root). */
function treeOf(chain: Chain, nodes: ChainNode[]): DataNode[] {
  const children = new Map<string | null, ChainNode[]>();
  for (const n of nodes) children.set(n.parentKey, [...(children.get(n.parentKey) ?? []), n]);
  const build = (key: string | null): DataNode[] => (children.get(key) ?? []).map((n) => ({
    key: n.key, title: <Title doc={n.document} kind={n.kind} servedBy={n.servedBy} />, children: build(n.key),
  }));
  return [{ key: `root:${chain.document.id}`, title: <Title doc={chain.document} servedBy={chain.servedBy} />, children: build(null) }];
}

export function PolicyChainView({ documentId, generation }: { documentId: string; generation: number }) {
  const { t } = useTranslation();
  const { showError } = useFeedback();
  const [chain, setChain] = useState<Chain | null>(null);
  useEffect(() => {
    let live = true;
    setChain(null);
    api.get('/api/legal-documents/{id}/chain', { params: { id: documentId } })
      .then((c) => { if (live) setChain(c); })
      .catch((e: unknown) => { if (live) showError(e); });
    return () => { live = false; };
  }, [documentId, generation, showError]);

  if (!chain) return <Spin aria-label={t('common.loading')} />;
  const side = (nodes: ChainNode[], title: string, none: string, testId: string) => (
    <Col xs={24} lg={12}>
      <Typography.Title level={5}>{title}</Typography.Title>
      {nodes.length === 0
        ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={none} />
        : <div data-testid={testId}><Tree aria-label={`${t('legalDoc.chain.tree')}: ${title}`} treeData={treeOf(chain, nodes)} defaultExpandAll selectable={false} blockNode /></div>}
    </Col>
  );
  return (
    <>
      {chain.truncated && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('legalDoc.chain.truncated', { depth: chain.maxDepth })} />}
      <Row gutter={24}>
        {side(chain.down, t('legalDoc.chain.down'), t('legalDoc.chain.noneDown'), 'chain-down')}
        {side(chain.up, t('legalDoc.chain.up'), t('legalDoc.chain.noneUp'), 'chain-up')}
      </Row>
    </>
  );
}
