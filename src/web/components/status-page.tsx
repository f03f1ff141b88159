/** The pages of a refusal or a missing page (403, 404): a heading of their own and a way back to the home page. */
import type { ReactNode } from 'react';
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageTitle } from './page-title.tsx';

function StatusPage({ status, title, text }: { status: '403' | '404'; title: string; text: string }) {
  const { t } = useTranslation();
  return (
    <Result
      status={status}
      title={<PageTitle>{title}</PageTitle>}
      subTitle={text}
      extra={<Link to="/"><Button type="primary">{t('errors.home')}</Button></Link>}
    />
  );
}

/** A page the signed-in role may not use (typed or bookmarked): 403, never a half-drawn page. */
export function ForbiddenPage() {
  const { t } = useTranslation();
  return <StatusPage status="403" title={t('errors.forbiddenTitle')} text={t('errors.forbidden')} />;
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return <StatusPage status="404" title={t('errors.notFoundTitle')} text={t('errors.notFound')} />;
}

/** A page whose record could not be read: the server's message is its heading, under the status picture. */
export function LoadErrorPage({ status, message, extra }: { status: number; message: string; extra?: ReactNode }) {
  return <Result status={status === 404 ? '404' : status === 403 ? '403' : 'error'} title={<PageTitle>{message}</PageTitle>} extra={extra} />;
}
