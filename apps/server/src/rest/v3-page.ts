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

export function v3PageBody<T>(key: string, items: T[], { pageNumber, pageSize, totalElements }: { pageNumber: number; pageSize: number; totalElements: number }) {
  const totalPages = Math.ceil(totalElements / pageSize);
  const page: V3Page = { number: pageNumber, size: pageSize, totalPages, totalElements };
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
