export declare const PAGE_BODY_LIMIT: number;
export declare function pageBodyRefusal(
  method: string,
  url: string,
  contentLength: string | undefined,
): { status: 411 | 413; message: string } | null;
