import type { Migration } from './migration.js';

/**
 * Issue 6 (AI rewriting): which of a listing's fields hold AI-written text, so exports can label it
 * where a marketplace asks (Google's structured_title / structured_description). A bit per field:
 * 1 title, 2 description, 4 tags. Set when an AI proposal is applied; triggers clear a field's bit
 * whenever anything else changes that field (a seller edit, an import, an undo), so the mark never
 * outlives the AI's text.
 */
export const aiWritten: Migration = {
  version: 5,
  name: 'ai-written',
  up(db) {
    db.exec(`
ALTER TABLE listings ADD COLUMN ai_fields INTEGER NOT NULL DEFAULT 0 CHECK (ai_fields BETWEEN 0 AND 7);
CREATE TRIGGER listings_ai_title_cleared AFTER UPDATE OF title ON listings
  WHEN OLD.ai_fields & 1 AND NEW.title IS NOT OLD.title AND NEW.ai_fields = OLD.ai_fields
  BEGIN UPDATE listings SET ai_fields = ai_fields & ~1 WHERE id = NEW.id; END;
CREATE TRIGGER listings_ai_description_cleared AFTER UPDATE OF description ON listings
  WHEN OLD.ai_fields & 2 AND NEW.description IS NOT OLD.description AND NEW.ai_fields = OLD.ai_fields
  BEGIN UPDATE listings SET ai_fields = ai_fields & ~2 WHERE id = NEW.id; END;
CREATE TRIGGER listings_ai_tags_cleared AFTER UPDATE OF tags ON listings
  WHEN OLD.ai_fields & 4 AND NEW.tags IS NOT OLD.tags AND NEW.ai_fields = OLD.ai_fields
  BEGIN UPDATE listings SET ai_fields = ai_fields & ~4 WHERE id = NEW.id; END;
`);
  },
};
