import { useState } from 'react';
import type { FieldLimit, Issue } from '../../../../common/rules/index.js';
import { photoSrc } from '../../bridge/photos.js';
import { isDisplayableImageUrl } from '../../format.js';
import { checkImageUrl } from './field-parsing.js';
import { FieldCounter } from '../../ui/FieldCounter.js';
import { FieldIssues } from '../../ui/FieldIssues.js';
import './editor.css';

type ThumbSource = 'local' | 'remote' | 'failed';

/**
 * One thumbnail, lazy loaded: the local copy from the photo cache first (offline too, and http
 * photos the page itself may not load), else the marketplace's address; a photo with neither
 * says so, with the URL. The link always opens the marketplace's address.
 */
export function ImageThumb({ src, index, onRemove, disabled = false }: { src: string; index: number; onRemove?: () => void; disabled?: boolean }) {
  const remoteAllowed = isDisplayableImageUrl(src);
  const localPossible = /^https?:\/\//i.test(src);
  const [tried, setTried] = useState<{ src: string; source: ThumbSource }>({ src, source: 'local' });
  const initial: ThumbSource = localPossible ? 'local' : remoteAllowed ? 'remote' : 'failed';
  const source = tried.src === src ? (tried.source === 'local' ? initial : tried.source) : initial;
  const fallBack = () => setTried({ src, source: source === 'local' && remoteAllowed ? 'remote' : 'failed' });
  const state = source === 'failed' ? (remoteAllowed ? 'broken' : 'blocked') : 'ok';
  return (
    <li className={`image-thumb image-${state}`} data-testid="image-thumb" data-state={state} data-source={source}>
      {state === 'ok' ? (
        <a className="image-link" href={src} target="_blank" rel="noopener noreferrer" title={src}>
          <img
            key={source}
            src={source === 'local' ? photoSrc(src, 'view') : src}
            alt={`Image ${index + 1}`}
            loading="lazy"
            decoding="async"
            referrerPolicy="no-referrer"
            onError={fallBack}
          />
        </a>
      ) : (
        <div className="image-placeholder" role="img" aria-label={`Image ${index + 1}: ${state === 'broken' ? 'broken image' : 'not shown'}, ${src}`} title={src}>
          <svg viewBox="0 0 24 24" aria-hidden="true" className="image-placeholder-icon">
            <path d="M4 5h16v14H4z" fill="none" stroke="currentColor" strokeWidth="1.5" />
            <path d="m4 16 5-5 4 4 2-2 5 5" fill="none" stroke="currentColor" strokeWidth="1.5" />
            <path d="M3 21 21 3" stroke="currentColor" strokeWidth="1.5" />
          </svg>
          <span className="image-placeholder-label">{state === 'broken' ? (navigator.onLine ? 'Broken image' : 'Not saved for offline use') : 'Not shown (http, not saved yet)'}</span>
          <span className="image-placeholder-url">{src}</span>
        </div>
      )}
      {index === 0 && <span className="image-main">Main</span>}
      {onRemove !== undefined && (
        <button type="button" className="image-remove" aria-label={`Remove image ${index + 1}`} title="Remove image" disabled={disabled} onClick={onRemove}>
          ×
        </button>
      )}
    </li>
  );
}

/** The listing's images as thumbnails, with an address field to add one and × to remove one. */
export function ImageThumbs({
  id,
  images,
  onChange,
  limit,
  issues,
  disabled = false,
}: {
  id: string;
  images: readonly string[];
  onChange: (images: string[]) => void;
  limit: FieldLimit | null;
  issues: readonly Issue[];
  disabled?: boolean;
}) {
  const [url, setUrl] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const add = () => {
    const checked = checkImageUrl(url);
    if (!checked.ok) {
      setMessage(checked.message);
      return;
    }
    if (images.includes(checked.value)) {
      setMessage('That image is already in the listing.');
      return;
    }
    onChange([...images, checked.value]);
    setUrl('');
    setMessage(null);
  };
  return (
    <div className="field-row" data-testid={`${id}-field`}>
      <div className="field-head">
        <span className="field-name" id={`${id}-label`}>
          Images
        </span>
        <FieldCounter id={`${id}-count`} count={images.length} limit={limit === null ? null : { ...limit, unit: 'items' }} unit="items" itemWord="image" testId={`${id}-count`} />
      </div>
      {images.length > 0 ? (
        <ul className="image-grid" aria-labelledby={`${id}-label`}>
          {images.map((src, i) => (
            <ImageThumb key={`${i}-${src}`} src={src} index={i} disabled={disabled} onRemove={() => onChange(images.filter((_, j) => j !== i))} />
          ))}
        </ul>
      ) : (
        <p className="muted field-empty">No images yet.</p>
      )}
      <div className="image-add">
        <input
          className={`input image-url${message !== null ? ' invalid' : ''}`}
          type="url"
          inputMode="url"
          placeholder="https://… image address"
          aria-label="Image address to add"
          aria-describedby={message !== null ? `${id}-message` : undefined}
          value={url}
          disabled={disabled}
          maxLength={4000}
          onChange={(e) => {
            setUrl(e.target.value);
            setMessage(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" className="btn" disabled={disabled || url.trim() === ''} onClick={add}>
          Add image
        </button>
      </div>
      {message !== null && (
        <p id={`${id}-message`} className="field-problem" role="alert">
          {message}
        </p>
      )}
      <FieldIssues id={`${id}-issues`} issues={issues} testId={`${id}-issues`} />
    </div>
  );
}
