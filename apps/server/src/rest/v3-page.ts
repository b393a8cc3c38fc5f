/**
 * The v3 list body. The seed's sample is Spring-style (`content`, `totalPages`, `last`, …,
 * items with `jobId`) while the SDK reads `{<items>, page}`; one body carries both forms.
 */
export interface V3Page {
  number: number;
  size: number;
  totalPages: number;
  totalElements: number;
}

/** Where an offset page is, as the services report it. */
export interface PagePosition {
  pageNumber: number;
  pageSize: number;
  totalElements: number;
}

/** The `page` object of every v3 list body. */
export function v3Page({ pageNumber, pageSize, totalElements }: PagePosition): V3Page {
  return { number: pageNumber, size: pageSize, totalPages: Math.ceil(totalElements / pageSize), totalElements };
}

export function v3PageBody<T>(key: string, items: T[], position: PagePosition) {
  const page = v3Page(position);
  const { number: pageNumber, size: pageSize, totalPages, totalElements } = page;
  return {
    [key]: items,
    page,
    content: items,
    totalPages,
    totalElements,
    last: pageNumber >= totalPages - 1,
    size: pageSize,
    number: pageNumber,
    numberOfElements: items.length,
    first: pageNumber === 0,
    sort: null,
  };
}

const ITEMS_PLACEHOLDER = JSON.stringify("\u0000items\u0000");

/**
 * JSON.stringify(v3PageBody(…)), with the items serialised once though the body carries them
 * twice (`<key>` and `content`): on a page of 100 jobs that is most of the serialisation. The
 * placeholder can only occur where it was put: the skeleton holds no user text.
 */
export function v3PageJson<T>(
  key: string,
  items: T[],
  page: PagePosition,
  itemsJson = JSON.stringify(items),
): string {
  const skeleton = JSON.stringify({ ...v3PageBody(key, items, page), [key]: "\u0000items\u0000", content: "\u0000items\u0000" });
  return skeleton.replaceAll(ITEMS_PLACEHOLDER, () => itemsJson);
}
