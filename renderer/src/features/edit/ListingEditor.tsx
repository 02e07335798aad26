import { useMemo, type ReactNode } from 'react';
import { LISTING_STATUSES, STATUS_LABELS, type Listing, type ListingStatus, type Marketplace } from '../../../../common/listing.js';
import {
  countCharacters,
  countUtf8Bytes,
  evaluateField,
  fieldLimit,
  scoreOf,
  type FieldLimit,
  type FieldValues,
  type Issue,
  type RuleField,
  type RuleInput,
} from '../../../../common/rules/index.js';
import { formatDateTime, formatInteger, formatPrice } from '../../format.js';
import { currencyDigits } from '../../../../common/edit/currency-digits.js';
import { FIELD_TITLES } from '../../../../common/edit/field-labels.js';
import { type Draft, type DraftField } from './draft.js';
import { DescriptionEditor } from './DescriptionEditor.js';
import { FieldCounter } from '../../ui/FieldCounter.js';
import { FieldIssues, FieldProblem } from '../../ui/FieldIssues.js';
import { ImageThumbs } from './ImageThumbs.js';
import { SourceColumns } from './SourceColumns.js';
import { TagChips } from './TagChips.js';
import './editor.css';

/* The detail pane's editor: every field of the listing, each with a live counter against the
 * target marketplace's limit and the rules it fails, evaluated in the renderer as the seller types
 * (common/rules: microseconds per field; each field is re-checked only when it changes). */

export interface ListingCheck {
  byField: Record<RuleField, Issue[]>;
  /** Every issue, errors first then by points lost: the score explanation. */
  issues: Issue[];
  score: number;
  errors: number;
  warnings: number;
}

function useFieldIssues<F extends RuleField>(field: F, value: FieldValues[F], marketplace: Marketplace): Issue[] {
  return useMemo(() => evaluateField(field, value, marketplace), [field, value, marketplace]);
}

/** The rules engine on the draft, field by field; the quality score from the union. */
export function useListingCheck(input: RuleInput, marketplace: Marketplace): ListingCheck {
  const title = useFieldIssues('title', input.title, marketplace);
  const description = useFieldIssues('description', input.description, marketplace);
  const tags = useFieldIssues('tags', input.tags, marketplace);
  const materials = useFieldIssues('materials', input.materials, marketplace);
  const images = useFieldIssues('images', input.images, marketplace);
  const price = useFieldIssues('price', input.priceMinor, marketplace);
  const quantity = useFieldIssues('quantity', input.quantity, marketplace);
  const sku = useFieldIssues('sku', input.sku, marketplace);
  const brand = useFieldIssues('brand', input.brand, marketplace);
  const condition = useFieldIssues('condition', input.condition, marketplace);
  const attributes = useFieldIssues('attributes', input.attributes, marketplace);
  return useMemo(() => {
    const byField: Record<RuleField, Issue[]> = { title, description, tags, materials, images, price, quantity, sku, brand, condition, attributes };
    const issues = Object.values(byField)
      .flat()
      .sort((a, b) => (a.severity !== b.severity ? (a.severity === 'error' ? -1 : 1) : b.points - a.points));
    const errors = issues.filter((i) => i.severity === 'error').length;
    return { byField, issues, score: scoreOf(issues), errors, warnings: issues.length - errors };
  }, [title, description, tags, materials, images, price, quantity, sku, brand, condition, attributes]);
}

/** Marks a field whose text an AI wrote (accepted from an AI proposal, not changed since). */
function AiBadge({ id }: { id: string }) {
  return (
    <span className="ai-badge" data-testid={`${id}-ai`} title="Written by AI (Groq) and accepted by you. Exports label AI text where the marketplace asks (Google: structured_title).">
      AI-written
    </span>
  );
}

function describedBy(...ids: (string | false | undefined)[]): string {
  return ids.filter((id): id is string => typeof id === 'string').join(' ');
}

function countIn(text: string, limit: FieldLimit | null): number {
  return limit?.unit === 'bytes' ? countUtf8Bytes(text) : countCharacters(text);
}

interface FieldRowProps {
  /** The control's id; the row's test id is `${id}-field`. */
  id: string;
  label: string;
  labelId?: string;
  className?: string;
  /** Beside the label: the AI mark, the counter. */
  head?: ReactNode;
  children: ReactNode;
}

/** One field of the editor: its label (and what stands beside it) over the control. */
function FieldRow({ id, label, labelId, className, head, children }: FieldRowProps) {
  return (
    <div className={`field-row${className === undefined ? '' : ` ${className}`}`} data-testid={`${id}-field`}>
      <div className="field-head">
        <label htmlFor={id} id={labelId} className="field-name">
          {label}
        </label>
        {head}
      </div>
      {children}
    </div>
  );
}

interface TextFieldProps {
  field: 'title' | 'sku' | 'brand' | 'condition' | 'category';
  value: string;
  marketplace: Marketplace;
  issues: readonly Issue[];
  onChange: (value: string) => void;
  disabled: boolean;
  problem?: string;
  list?: string;
  className?: string;
  mono?: boolean;
  ai?: boolean;
}

function TextField({ field, value, marketplace, issues, onChange, disabled, problem, list, className, mono = false, ai = false }: TextFieldProps) {
  const id = `edit-${field}`;
  const limit = field === 'category' ? null : fieldLimit(marketplace, field);
  const showCounter = field === 'title' || limit !== null;
  return (
    <FieldRow
      id={id}
      label={FIELD_TITLES[field]}
      className={className}
      head={
        <>
          {ai && <AiBadge id={id} />}
          {showCounter && <FieldCounter id={`${id}-count`} count={countIn(value, limit)} limit={limit} testId={`${id}-count`} />}
        </>
      }
    >
      <input
        id={id}
        className={`input field-input${mono ? ' mono' : ''}${problem !== undefined || issues.some((i) => i.severity === 'error') ? ' invalid' : ''}`}
        value={value}
        disabled={disabled}
        list={list}
        maxLength={field === 'title' ? 10_000 : 500}
        aria-invalid={problem !== undefined || issues.some((i) => i.severity === 'error')}
        aria-describedby={describedBy(showCounter && `${id}-count`, `${id}-issues`, problem !== undefined && `${id}-problem`)}
        onChange={(e) => onChange(e.target.value)}
      />
      <FieldProblem id={`${id}-problem`} message={problem} />
      <FieldIssues id={`${id}-issues`} issues={issues} testId={`${id}-issues`} />
    </FieldRow>
  );
}

interface NumberFieldProps {
  field: 'price' | 'quantity';
  value: string;
  issues: readonly Issue[];
  problem: string | undefined;
  disabled: boolean;
  inputMode: 'decimal' | 'numeric';
  maxLength: number;
  placeholder?: string;
  onChange: (value: string) => void;
}

/** Price and quantity: typed as text, checked as numbers (the problem says why the text is not one). */
function NumberField({ field, value, issues, problem, disabled, inputMode, maxLength, placeholder, onChange }: NumberFieldProps) {
  const id = `edit-${field}`;
  return (
    <FieldRow id={id} label={FIELD_TITLES[field]}>
      <input
        id={id}
        className={`input field-input num${problem !== undefined || issues.some((i) => i.severity === 'error') ? ' invalid' : ''}`}
        value={value}
        disabled={disabled}
        inputMode={inputMode}
        placeholder={placeholder}
        maxLength={maxLength}
        aria-invalid={problem !== undefined}
        aria-describedby={describedBy(`${id}-issues`, problem !== undefined && `${id}-problem`)}
        onChange={(e) => onChange(e.target.value)}
      />
      <FieldProblem id={`${id}-problem`} message={problem} />
      <FieldIssues id={`${id}-issues`} issues={issues} testId={`${id}-issues`} />
    </FieldRow>
  );
}

const COMMON_CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'JPY', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'NZD', 'INR', 'MXN', 'BRL'];
const COMMON_CONDITIONS = ['New', 'Used', 'Refurbished', 'Used — like new', 'For parts or not working'];

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="detail-section">
      <h3>{title}</h3>
      {children}
    </section>
  );
}

export interface ListingEditorProps {
  base: Listing;
  draft: Draft;
  check: ListingCheck;
  problems: Partial<Record<DraftField, string>>;
  onEdit: (patch: Partial<Draft>) => void;
  disabled: boolean;
}

/** Every editable field of a listing, plus the read-only facts (variants, item specifics, dates). */
export function ListingEditor({ base, draft, check, problems, onEdit, disabled }: ListingEditorProps) {
  const mp = base.marketplace;
  const descLimit = fieldLimit(mp, 'description');
  const byField = check.byField;
  const digits = currencyDigits(draft.currency);
  const attributes = Object.entries(base.attributes);
  // The mark holds while the draft still has the AI's text.
  const aiWritten = (field: 'title' | 'description'): boolean => (base.aiWritten ?? []).includes(field) && draft[field] === base[field];
  return (
    <form
      className="editor"
      data-testid="listing-editor"
      aria-label="Edit listing"
      onSubmit={(e) => {
        e.preventDefault();
      }}
    >
      <TextField field="title" value={draft.title} marketplace={mp} issues={byField.title} disabled={disabled} ai={aiWritten('title')} onChange={(title) => onEdit({ title })} />

      <FieldRow
        id="edit-description"
        label={FIELD_TITLES.description}
        labelId="edit-description-label"
        head={
          <>
            {aiWritten('description') && <AiBadge id="edit-description" />}
            <FieldCounter id="edit-description-count" count={countIn(draft.description, descLimit)} limit={descLimit} testId="edit-description-count" />
          </>
        }
      >
        <DescriptionEditor
          key={base.id}
          value={draft.description}
          marketplace={mp}
          disabled={disabled}
          invalid={byField.description.some((i) => i.severity === 'error')}
          labelId="edit-description-label"
          describedBy="edit-description-count edit-description-issues"
          onChange={(description) => onEdit({ description })}
        />
        <FieldIssues id="edit-description-issues" issues={byField.description} testId="edit-description-issues" />
      </FieldRow>

      <div className="field-grid">
        <NumberField
          field="price"
          value={draft.price}
          issues={byField.price}
          problem={problems.price}
          disabled={disabled}
          inputMode="decimal"
          placeholder={digits === 0 ? '0' : `0.${'0'.repeat(digits)}`}
          maxLength={40}
          onChange={(price) => onEdit({ price })}
        />
        <FieldRow id="edit-currency" label={FIELD_TITLES.currency} className="narrow">
          <input
            id="edit-currency"
            className={`input field-input mono${problems.currency !== undefined ? ' invalid' : ''}`}
            value={draft.currency}
            disabled={disabled}
            list="edit-currency-list"
            maxLength={3}
            autoCapitalize="characters"
            aria-invalid={problems.currency !== undefined}
            aria-describedby={problems.currency !== undefined ? 'edit-currency-problem' : undefined}
            onChange={(e) => onEdit({ currency: e.target.value.toUpperCase() })}
          />
          <datalist id="edit-currency-list">
            {COMMON_CURRENCIES.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
          <FieldProblem id="edit-currency-problem" message={problems.currency} />
        </FieldRow>
        <NumberField
          field="quantity"
          value={draft.quantity}
          issues={byField.quantity}
          problem={problems.quantity}
          disabled={disabled}
          inputMode="numeric"
          maxLength={16}
          onChange={(quantity) => onEdit({ quantity })}
        />
        <FieldRow id="edit-status" label={FIELD_TITLES.status}>
          <select id="edit-status" className="input select field-input" value={draft.status} disabled={disabled} onChange={(e) => onEdit({ status: e.target.value as ListingStatus })}>
            {LISTING_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </FieldRow>
      </div>

      <div className="field-grid">
        <TextField field="sku" value={draft.sku} marketplace={mp} issues={byField.sku} disabled={disabled} problem={problems.sku} mono onChange={(sku) => onEdit({ sku })} />
        <TextField field="brand" value={draft.brand} marketplace={mp} issues={byField.brand} disabled={disabled} problem={problems.brand} onChange={(brand) => onEdit({ brand })} />
        <TextField
          field="condition"
          value={draft.condition}
          marketplace={mp}
          issues={byField.condition}
          disabled={disabled}
          problem={problems.condition}
          list="edit-condition-list"
          onChange={(condition) => onEdit({ condition })}
        />
        <TextField field="category" value={draft.category} marketplace={mp} issues={[]} disabled={disabled} problem={problems.category} onChange={(category) => onEdit({ category })} />
        <datalist id="edit-condition-list">
          {COMMON_CONDITIONS.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
      </div>

      <TagChips id="edit-tags" label={FIELD_TITLES.tags} noun="tag" items={draft.tags} limit={fieldLimit(mp, 'tags')} issues={byField.tags} disabled={disabled} onChange={(tags) => onEdit({ tags })} />
      <TagChips
        id="edit-materials"
        label={FIELD_TITLES.materials}
        noun="material"
        items={draft.materials}
        limit={fieldLimit(mp, 'materials')}
        issues={byField.materials}
        disabled={disabled}
        onChange={(materials) => onEdit({ materials })}
      />
      <ImageThumbs id="edit-images" images={draft.images} limit={fieldLimit(mp, 'images')} issues={byField.images} disabled={disabled} onChange={(images) => onEdit({ images })} />

      {(attributes.length > 0 || byField.attributes.length > 0) && (
        <Section title={`Item specifics (${attributes.length})`}>
          {attributes.length > 0 && (
            <table className="table" data-testid="detail-attributes">
              <tbody>
                {attributes.map(([k, v]) => (
                  <tr key={k}>
                    <th scope="row">{k}</th>
                    <td>{v}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <FieldIssues id="edit-attributes-issues" issues={byField.attributes} />
        </Section>
      )}

      {base.variants.length > 0 && (
        <Section title={`Variants (${base.variants.length})`}>
          <div className="table-scroll">
            <table className="table" data-testid="detail-variants">
              <thead>
                <tr>
                  <th scope="col">Options</th>
                  <th scope="col">SKU</th>
                  <th scope="col" className="align-end">
                    Price
                  </th>
                  <th scope="col" className="align-end">
                    Qty
                  </th>
                </tr>
              </thead>
              <tbody>
                {base.variants.map((v) => (
                  <tr key={v.id}>
                    <td>{v.options.length > 0 ? v.options.map((o) => `${o.name}: ${o.value}`).join(' · ') : '—'}</td>
                    <td className="mono">{v.sku ?? '—'}</td>
                    <td className="align-end num">{v.priceMinor === null ? <span className="muted">same</span> : formatPrice(v.priceMinor, base.currency)}</td>
                    <td className="align-end num">{formatInteger(v.quantity)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Section>
      )}

      <SourceColumns listing={base} />

      <Section title="Record">
        <dl className="fields">
          <dt>Source id</dt>
          <dd className="mono" data-testid="detail-source-id">
            {base.sourceId ?? '—'}
          </dd>
          <dt>Created</dt>
          <dd>{formatDateTime(base.createdAt)}</dd>
          <dt>Updated</dt>
          <dd data-testid="detail-updated">{formatDateTime(base.updatedAt)}</dd>
        </dl>
      </Section>
    </form>
  );
}
