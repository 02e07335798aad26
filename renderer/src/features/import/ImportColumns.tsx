import { useState, type FormEvent } from 'react';
import { DIALECT_LABELS, type ColumnMapping, type ImportPreview, type MappableField, type PreviewColumn } from '../../../../common/import-types.js';
import { formatInteger } from '../../format.js';
import { useApp } from '../../store/context.js';
import { effectiveMapping } from './import-slice.js';
import { fieldLabel, FIELD_LABELS } from './import-labels.js';

/**
 * The file's columns, each with what it is read into, for every format: the seller changes any of
 * them ("Import as"), and the preview above follows. Other CSV is read by this mapping alone; a
 * marketplace format reads its own columns and takes the seller's changes as overrides. Columns a
 * format does not read are kept with the listing exactly as written. Mappings save as presets per format.
 */

const isGeneric = (preview: ImportPreview): boolean => preview.dialect === 'generic_csv';

/**
 * What the select shows for a column: its field; for a marketplace format '' when the format reads
 * the column its own way (variant options, bullet points…) or keeps it as written.
 */
function selectedField(preview: ImportPreview, column: PreviewColumn, mapping: ColumnMapping): MappableField | '' {
  if (isGeneric(preview)) return (mapping[String(column.index)] ?? 'ignore') as MappableField;
  return column.mappedTo ?? '';
}

function MappingSelect({ preview, column, value, disabled }: { preview: ImportPreview; column: PreviewColumn; value: MappableField | ''; disabled: boolean }) {
  const setMapping = useApp((s) => s.setImportMapping);
  const ownAttribute: MappableField = `attribute:${column.header.slice(0, 100)}`;
  const attributes = [ownAttribute, ...(value.startsWith('attribute:') && value !== ownAttribute ? [value as MappableField] : [])];
  const fields = preview.mappableFields.filter((f) => f !== 'ignore');
  return (
    <select
      className="input select mapping-select"
      aria-label={`Import column “${column.header}” as`}
      data-testid={`import-map-${column.index}`}
      value={value}
      disabled={disabled}
      onChange={(e) => setMapping(column.index, e.target.value === '' ? null : (e.target.value as MappableField))}
    >
      {!isGeneric(preview) && <option value="">As the format reads it</option>}
      {fields.map((f) => (
        <option key={f} value={f}>
          {fieldLabel(f)}
        </option>
      ))}
      {attributes.map((f) => (
        <option key={f} value={f}>
          {fieldLabel(f)}
        </option>
      ))}
      <option value="ignore">{isGeneric(preview) ? FIELD_LABELS.ignore : 'Not read — kept as in the file'}</option>
    </select>
  );
}

function Samples({ samples }: { samples: readonly string[] }) {
  const shown = samples.filter((v) => v !== '').slice(0, 3);
  if (shown.length === 0) return <span className="muted">(empty)</span>;
  return (
    <>
      {shown.map((v, i) => (
        <span key={i} className="sample" title={v}>
          {v}
        </span>
      ))}
    </>
  );
}

export function MappingTable({ preview, disabled }: { preview: ImportPreview; disabled: boolean }) {
  const override = useApp((s) => s.importWizard.mapping);
  const setDialect = useApp((s) => s.setImportDialect);
  const resetMapping = useApp((s) => s.resetImportMapping);
  const [showEmpty, setShowEmpty] = useState(false);
  if (preview.columns.length === 0) return null;
  const generic = isGeneric(preview);
  const mapping = effectiveMapping(preview, override);
  // Amazon templates have hundreds of columns, most of them empty: those wait behind a button.
  // (A column the format reads as none of the fields is either used its own way — variant options,
  // bullet points — or kept with the listing exactly as written.)
  const quiet = (c: PreviewColumn) => !generic && c.mappedTo === null && !c.chosen && c.samples.every((v) => v === '');
  const hidden = preview.columns.filter(quiet).length;
  const rows = showEmpty ? preview.columns : preview.columns.filter((c) => !quiet(c));
  const chosen = preview.columns.filter((c) => c.chosen).length;
  return (
    <>
      <div className="callout mapping-note" data-testid="import-mapping-note">
        {generic ? (
          <>Choose what each column holds; the preview above follows your choices.</>
        ) : (
          <>
            The {DIALECT_LABELS[preview.dialect] ?? preview.dialect} format reads these columns as shown; change any of them. Columns it does not read are kept with each listing exactly as
            written.{' '}
            <button type="button" className="link-button" data-testid="import-map-manually" disabled={disabled} onClick={() => setDialect('generic_csv')}>
              Read it as Other CSV instead
            </button>
          </>
        )}
        {override !== null && (
          <>
            {' '}
            <button type="button" className="link-button" data-testid="import-map-reset" disabled={disabled} onClick={resetMapping}>
              {generic ? 'Back to the guessed mapping' : `Undo my ${chosen === 1 ? 'change' : `${formatInteger(chosen)} changes`}`}
            </button>
          </>
        )}
      </div>
      <table className="table data-table mapping-table" data-testid="import-mapping" data-editable="true">
        <thead>
          <tr>
            <th scope="col" className="col-header">
              Column in the file
            </th>
            <th scope="col">Sample values</th>
            <th scope="col" className="col-map">
              Import as
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => {
            const value = selectedField(preview, c, mapping);
            const mappedTo = value === '' ? 'format' : value;
            return (
              <tr key={c.index} data-testid="import-mapping-row" data-header={c.header} data-mapped-to={mappedTo} data-chosen={c.chosen} className={value === 'ignore' ? 'row-ignored' : undefined}>
                <td className="cell-strong cell-clip" title={c.label === undefined ? c.header : `${c.label}\n${c.header}`} data-label={c.label}>
                  {c.label ?? c.header}
                  {c.chosen && !generic && <span className="badge badge-neutral mapping-changed">changed</span>}
                  {/* A template's machine header (Amazon's `item_name[…]#1.value`) under the name the seller knows it by. */}
                  {c.label !== undefined && <span className="mapping-key muted">{c.header}</span>}
                </td>
                <td className="samples cell-clip">
                  <Samples samples={c.samples} />
                </td>
                <td className="col-map">
                  <MappingSelect preview={preview} column={c} value={value} disabled={disabled} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {hidden > 0 && (
        <button type="button" className="link-button" data-testid="import-mapping-empty" onClick={() => setShowEmpty(!showEmpty)}>
          {showEmpty ? `Hide the ${formatInteger(hidden)} empty columns` : `Show ${formatInteger(hidden)} more columns (empty in the first rows, kept as in the file)`}
        </button>
      )}
    </>
  );
}

export function Presets({ disabled, canSave }: { disabled: boolean; canSave: boolean }) {
  const presets = useApp((s) => s.importWizard.presets);
  const message = useApp((s) => s.importWizard.presetMessage);
  const applyPreset = useApp((s) => s.applyPreset);
  const savePreset = useApp((s) => s.savePreset);
  const [name, setName] = useState('');
  const [saving, setSaving] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim() === '') return;
    setSaving(true);
    void savePreset(name).finally(() => {
      setSaving(false);
      setName('');
    });
  };
  return (
    <div className="form-row presets" data-testid="import-presets">
      <div className="field">
        <label htmlFor="import-preset" className="field-label">
          Mapping preset
        </label>
        <select
          id="import-preset"
          className="input select"
          data-testid="import-preset-select"
          value=""
          disabled={disabled || presets.length === 0}
          onChange={(e) => applyPreset(e.target.value)}
        >
          <option value="">{presets.length === 0 ? 'No saved presets' : 'Apply a saved preset…'}</option>
          {presets.map((p) => (
            <option key={p.name} value={p.name}>
              {p.name} ({DIALECT_LABELS[p.dialect] ?? p.dialect})
            </option>
          ))}
        </select>
      </div>
      <form className="field" onSubmit={submit}>
        <label htmlFor="import-preset-name" className="field-label">
          Save this mapping as
        </label>
        <div className="field-inline">
          <input
            id="import-preset-name"
            className="input"
            placeholder="Preset name"
            maxLength={80}
            data-testid="import-preset-name"
            value={name}
            disabled={disabled || !canSave}
            title={canSave ? undefined : 'A preset holds your changes to the mapping: change “Import as” for a column first.'}
            onChange={(e) => setName(e.target.value)}
          />
          <button type="submit" className="btn" data-testid="import-preset-save" disabled={disabled || !canSave || saving || name.trim() === ''}>
            Save preset
          </button>
        </div>
      </form>
      {message !== null && (
        <div className="preset-message muted" data-testid="import-preset-message" role="status">
          {message}
        </div>
      )}
    </div>
  );
}
