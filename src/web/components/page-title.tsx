/**
 * The one `<h1>` of a page, at the size of a section title (global.css `.page-title`): every page has exactly one,
 * and the sections below it use `level={2}` and lower.
 */
import type { ReactNode } from 'react';
import { Typography } from 'antd';

export function PageTitle({ children, style }: { children: ReactNode; style?: React.CSSProperties }) {
  return <Typography.Title level={1} className="page-title" style={{ margin: 0, ...style }}>{children}</Typography.Title>;
}
