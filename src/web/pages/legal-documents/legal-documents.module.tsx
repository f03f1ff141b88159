/** The legal-document register as a web module (src/web/modules.tsx): the list, a document's page and its chain. */
import { FileTextOutlined } from '@ant-design/icons';
import { Link, Route } from 'react-router-dom';
import { defineWebModule } from '../../module.ts';
import { LegalDocumentPage } from './legal-document.page.tsx';
import { canBrowseLegalDocuments } from './legal-document-permissions.ts';
import { LegalDocumentsPage } from './legal-documents.page.tsx';

export const legalDocumentsWebModule = defineWebModule({
  name: 'legal-documents',
  routes: (
    <>
      <Route path="legal-documents" element={<LegalDocumentsPage />} />
      <Route path="legal-documents/:id" element={<LegalDocumentPage />} />
    </>
  ),
  subjectLinks: { legal_document: (id) => `/legal-documents/${id}` },
  menu: (role, t) => (canBrowseLegalDocuments(role) ? [
    { key: '/legal-documents', icon: <FileTextOutlined />, label: <Link to="/legal-documents">{t('legalDoc.menu')}</Link> },
  ] : []),
});
