/** PLACEHOLDER: replaced by helper-113's version at merge. */
export interface CatalogEntry { message: string; description?: string; placeholders?: Record<string, { content: string; example?: string }> }
export type Catalog = Record<string, CatalogEntry>;
export function formatMessage(catalog: Catalog, key: string, subs?: string | string[]): string {
  const e = catalog[key];
  if (!e) return '';
  const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
  const sub = (t: string) => t.replace(/\$(\d)/g, (_, n) => list[Number(n) - 1] ?? '');
  return e.message.replace(/\$\$|\$([A-Za-z0-9_@]+)\$|\$(\d)/g, (m, name, n) => {
    if (m === '$$') return '$';
    if (n) return list[Number(n) - 1] ?? '';
    const p = e.placeholders?.[name.toLowerCase()];
    return p ? sub(p.content) : m;
  });
}
