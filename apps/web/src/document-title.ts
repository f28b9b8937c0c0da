import { useEffect } from 'react';

/** The tab's title while the calling page shows, the previous one back after. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    const before = document.title;
    document.title = title;
    return () => {
      document.title = before;
    };
  }, [title]);
}
