import { memo, useState } from 'react';
import { photoSrc } from '../../bridge/photos.js';

/**
 * A row's main photo in the grid: the local thumbnail (lazy, fixed size, so rows never reflow).
 * Without a local copy yet it shows an empty frame; the core downloads the photo in the
 * background and the next time the row is drawn it is there.
 */
export const RowPhoto = memo(function RowPhoto({ url }: { url: string | null }) {
  const [missing, setMissing] = useState<string | null>(null);
  if (url === null) return <span className="row-photo row-photo-none" data-testid="row-photo" data-state="none" title="No photo" />;
  if (missing === url) return <span className="row-photo row-photo-missing" data-testid="row-photo" data-state="missing" title="This photo is not saved on this computer yet" />;
  return (
    <img
      className="row-photo"
      data-testid="row-photo"
      data-state="local"
      src={photoSrc(url, 'thumb')}
      alt=""
      width={28}
      height={28}
      loading="lazy"
      decoding="async"
      draggable={false}
      onError={() => setMissing(url)}
    />
  );
});
