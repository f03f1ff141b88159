/** Helpers of the support pages: downloading a file the server builds, amounts and shares in the UI language. */
import { formatNumber, formatPercent } from '../../format.ts';

/** Downloads a file the server builds (DOCX, XLSX) under the name it gives; throws the server's message. */
export async function download(url: string): Promise<void> {
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { message?: string };
    throw new Error(body.message ?? `${res.status}`);
  }
  const name = /filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition') ?? '')?.[1];
  const blob = await res.blob();
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name ? decodeURIComponent(name) : url.split('/').pop()!;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

export const money = (n: number | null | undefined) => (n === null || n === undefined ? '—' : formatNumber(n, 0));
export const share = (fraction: number) => formatPercent(fraction * 100);
