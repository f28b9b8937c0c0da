import { useI18n } from '../i18n.tsx';

/** The application's website as a link when it is a web address (a registration could name anything). */
export function Website({ url }: { url: string }) {
  const { t } = useI18n();
  const web = URL.parse(url)?.protocol.match(/^https?:$/);
  return (
    <p>
      {t.oauth.website}{' '}
      {web ? (
        <a href={url} rel="noopener noreferrer">
          {url}
        </a>
      ) : (
        url
      )}
    </p>
  );
}
