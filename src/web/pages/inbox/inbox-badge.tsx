/** The bell in the header: how many inbox items are unread, refreshed every minute, on focus and after marking. */
import { useCallback, useEffect, useState } from 'react';
import { Badge, Button, Tooltip } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api.ts';
import { INBOX_CHANGED } from './inbox-events.ts';

const REFRESH_MS = 60_000;

export function InboxBadge() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [unread, setUnread] = useState(0);

  const refresh = useCallback(() => {
    api.get('/api/inbox/unread-count').then((r) => setUnread(r.unread), () => undefined);
  }, []);

  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    globalThis.addEventListener(INBOX_CHANGED, refresh);
    globalThis.addEventListener('focus', refresh);
    return () => {
      clearInterval(timer);
      globalThis.removeEventListener(INBOX_CHANGED, refresh);
      globalThis.removeEventListener('focus', refresh);
    };
  }, [refresh]);

  const label = unread > 0 ? t('inbox.badge', { n: unread }) : t('inbox.title');
  return (
    <Tooltip title={label}>
      <Button type="text" aria-label={label} data-testid="inbox-badge" onClick={() => navigate('/inbox')}
        icon={<Badge count={unread} size="small" overflowCount={99}><BellOutlined style={{ fontSize: 18 }} /></Badge>} />
    </Tooltip>
  );
}
