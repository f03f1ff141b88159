/** Helpers of the support pages: downloading a file the server builds (src/web/download.ts), amounts and shares in the UI language. */
import { formatNumber, formatPercent } from '../../format.ts';

export { download } from '../../download.ts';

export const money = (n: number | null | undefined) => (n === null || n === undefined ? '—' : formatNumber(n, 0));
export const share = (fraction: number) => formatPercent(fraction * 100);
