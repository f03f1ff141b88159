/**
 * Downloading a file the server builds (DOCX, XLSX) with fetch rather than a plain link, so that the page can show
 * progress meanwhile and the server's message when it refuses. Used by the plans' report and the support pages.
 */
/** Downloads a file the server builds under the name it gives; throws the server's message. */
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
