/** Science field picker (lĩnh vực KH&CN): the classification as a tree from GET /api/science-fields?shape=tree. */
import { useEffect, useMemo, useState } from 'react';
import { TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { fold } from '../../lib/vi/fold.ts';
import { api, type ResponseOf, type Schemas } from '../api.ts';
import { useAccessibleName } from './accessible-name.ts';

type ScienceFieldNode = Schemas['ScienceFieldNode'];
type ScienceFields = ResponseOf<'get', '/api/science-fields'>;
/** The endpoint answers a tree or a flat list depending on `shape`; only the tree has `children`. */
const isTree = (r: ScienceFields): r is Schemas['ScienceFieldTree'] => r.items.every((i) => 'children' in i);

interface TreeNode { value: string; title: string; search: string; children: TreeNode[] }

let cache: Promise<ScienceFieldNode[]> | null = null;

/** The classification, fetched once per page load (it changes only with a migration). */
export function loadScienceFields(): Promise<ScienceFieldNode[]> {
  cache ??= api.get('/api/science-fields', { query: { shape: 'tree' } })
    .then((r) => (isTree(r) ? r.items : Promise.reject(new Error('science fields: expected the tree shape'))))
    .catch((e) => { cache = null; throw e; });
  return cache;
}

/** code → name in the UI language, for showing a stored code in tables. */
export function useScienceFieldNames(): Map<string, string> {
  const { i18n } = useTranslation();
  const [items, setItems] = useState<ScienceFieldNode[]>([]);
  useEffect(() => { loadScienceFields().then(setItems, () => setItems([])); }, []);
  return useMemo(() => {
    const names = new Map<string, string>();
    const walk = (nodes: ScienceFieldNode[]) => nodes.forEach((n) => {
      names.set(n.code, i18n.language === 'en' ? n.nameEn : n.nameVi);
      walk(n.children);
    });
    walk(items);
    return names;
  }, [items, i18n.language]);
}

interface Props {
  id?: string;
  value?: string | null;
  onChange?: (v: string | null) => void;
  placeholder?: string;
  /** The accessible name when no `<label for>` names the picker (components/accessible-name.ts); default: the placeholder. */
  'aria-label'?: string;
}

export function ScienceFieldSelect({ id, value, onChange, placeholder, ...rest }: Props) {
  const { i18n } = useTranslation();
  const name = useAccessibleName(id, placeholder, rest['aria-label']);
  const [items, setItems] = useState<ScienceFieldNode[]>([]);
  useEffect(() => { loadScienceFields().then(setItems, () => setItems([])); }, []);
  const tree = useMemo(() => {
    const toNode = (n: ScienceFieldNode): TreeNode => {
      const title = `${n.code} ${i18n.language === 'en' ? n.nameEn : n.nameVi}`;
      return { value: n.code, title, search: fold(`${n.code} ${n.nameVi} ${n.nameEn}`), children: n.children.map(toNode) };
    };
    return items.map(toNode);
  }, [items, i18n.language]);

  return (
    <TreeSelect
      id={id}
      aria-label={name}
      value={value ?? undefined}
      onChange={(v) => onChange?.((v as string | undefined) ?? null)}
      treeData={tree}
      allowClear
      placeholder={placeholder}
      showSearch={{ filterTreeNode: (input, node) => ((node as unknown as TreeNode).search ?? '').includes(fold(input)) }}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxHeight: 400, overflow: 'auto' } } }}
    />
  );
}
