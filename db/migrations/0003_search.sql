-- wangge schema, version 3: the resident search index (src/store/search.c).
--
-- search_key holds, for every resident, the terms one may type to find them:
--   kind 1  the name itself            张三丰   (exact and prefix search)
--   kind 2  the name from its 2nd, 3rd, ... character on: 三丰, 丰
--           (a prefix of one of these is a substring of the name)
--   kind 3  the likeliest full pinyin  zhangsanfeng
--   kind 4  the likeliest initials     zsf
--   kind 7  other full pinyin spellings of a polyphonic name (单田芳: dantianfang)
--   kind 8  other initials spellings   (dtf)
--   kind 5  the ID number reversed     (its end is a prefix: "last 4-6 characters")
--   kind 6  the phone number reversed
-- The key starts with the resident's town (the first 9 digits of the division
-- code) so that a search runs one short index range per town and a narrow scope
-- never walks the whole county's matches; st puts residents (0) before people
-- who moved out or died (1); sub (code digits 10-15: village and grid) lets the
-- index alone reject rows outside a village or grid scope.
-- Codes are stored as integers: 4 and 3 bytes instead of 9 and 6.
CREATE TABLE search_key (
  town INTEGER NOT NULL,
  st   INTEGER NOT NULL,
  kind INTEGER NOT NULL,
  term TEXT NOT NULL,
  sub  INTEGER NOT NULL,
  rid  INTEGER NOT NULL,
  PRIMARY KEY (town, st, kind, term, sub, rid)
) WITHOUT ROWID;

-- The terms of every resident, derived from the columns the store fills
-- (name_pinyin and name_initials: spellings separated by single spaces, the
-- likeliest first, so that 丁山 found by its rare reading zheng comes after
-- every 张三 and 周顺 found by their usual one). The
-- triggers below and search_rebuild() both read this view, so the derivation
-- exists once. A value that is not plain spellings is indexed whole rather than
-- failing the write.
CREATE VIEW search_key_source (town, st, kind, term, sub, rid) AS
  SELECT CAST(substr(division_code, 1, 9) AS INTEGER), status <> 'resident', 1, name,
         CAST(substr(division_code, 10, 6) AS INTEGER), id
  FROM resident
  UNION ALL
  SELECT CAST(substr(r.division_code, 1, 9) AS INTEGER), r.status <> 'resident', 2,
         substr(r.name, p.value), CAST(substr(r.division_code, 10, 6) AS INTEGER), r.id
  FROM resident r, json_each('[2,3,4,5,6,7,8,9,10,11,12,13,14,15,16]') p
  WHERE p.value <= length(r.name)
  UNION ALL
  SELECT CAST(substr(r.division_code, 1, 9) AS INTEGER), r.status <> 'resident',
         CASE WHEN s.key = 0 THEN 3 ELSE 7 END, s.value,
         CAST(substr(r.division_code, 10, 6) AS INTEGER), r.id
  FROM resident r,
       json_each(CASE WHEN r.name_pinyin GLOB '*[^a-z0-9 ]*' THEN json_array(r.name_pinyin)
                 ELSE '["' || replace(r.name_pinyin, ' ', '","') || '"]' END) s
  WHERE s.value <> ''
  UNION ALL
  SELECT CAST(substr(r.division_code, 1, 9) AS INTEGER), r.status <> 'resident',
         CASE WHEN s.key = 0 THEN 4 ELSE 8 END, s.value,
         CAST(substr(r.division_code, 10, 6) AS INTEGER), r.id
  FROM resident r,
       json_each(CASE WHEN r.name_initials GLOB '*[^a-z0-9 ]*' THEN json_array(r.name_initials)
                 ELSE '["' || replace(r.name_initials, ' ', '","') || '"]' END) s
  WHERE s.value <> ''
  UNION ALL
  SELECT CAST(substr(division_code, 1, 9) AS INTEGER), status <> 'resident', 5, id_rev,
         CAST(substr(division_code, 10, 6) AS INTEGER), id
  FROM resident WHERE id_rev <> ''
  UNION ALL
  SELECT CAST(substr(division_code, 1, 9) AS INTEGER), status <> 'resident', 6, phone_rev,
         CAST(substr(division_code, 10, 6) AS INTEGER), id
  FROM resident WHERE phone_rev <> '';

-- Household addresses for fragment search ("幸福路18号"): trigram substrings,
-- so a fragment of 3 or more characters is an index lookup. The text itself
-- stays in household (external content).
CREATE VIRTUAL TABLE household_fts USING fts5(
  address, content = 'household', content_rowid = 'id', tokenize = 'trigram'
);

-- Index upkeep on every write. A bulk load (init --demo) sets suspended = 1,
-- loads, then calls search_rebuild(), which refills both indexes in key order
-- (much faster than a million trigger firings) and sets suspended back to 0.
CREATE TABLE search_state (
  id        INTEGER PRIMARY KEY CHECK (id = 1),
  suspended INTEGER NOT NULL DEFAULT 0 CHECK (suspended IN (0, 1))
);
INSERT INTO search_state (id, suspended) VALUES (1, 0);

CREATE TRIGGER search_resident_ai AFTER INSERT ON resident
WHEN (SELECT suspended FROM search_state WHERE id = 1) = 0
BEGIN
  INSERT OR IGNORE INTO search_key SELECT * FROM search_key_source WHERE rid = NEW.id;
END;

-- BEFORE: the row still holds the old values, so the view yields the old terms.
CREATE TRIGGER search_resident_bu
BEFORE UPDATE OF name, name_pinyin, name_initials, id_rev, phone_rev, status, division_code
ON resident
WHEN (SELECT suspended FROM search_state WHERE id = 1) = 0
BEGIN
  DELETE FROM search_key WHERE (town, st, kind, term, sub, rid) IN
    (SELECT * FROM search_key_source WHERE rid = OLD.id);
END;

CREATE TRIGGER search_resident_au
AFTER UPDATE OF name, name_pinyin, name_initials, id_rev, phone_rev, status, division_code
ON resident
WHEN (SELECT suspended FROM search_state WHERE id = 1) = 0
BEGIN
  INSERT OR IGNORE INTO search_key SELECT * FROM search_key_source WHERE rid = NEW.id;
END;

-- Residents are never deleted by wangge; this keeps the index right if one is.
CREATE TRIGGER search_resident_bd BEFORE DELETE ON resident
WHEN (SELECT suspended FROM search_state WHERE id = 1) = 0
BEGIN
  DELETE FROM search_key WHERE (town, st, kind, term, sub, rid) IN
    (SELECT * FROM search_key_source WHERE rid = OLD.id);
END;

CREATE TRIGGER search_household_ai AFTER INSERT ON household
WHEN (SELECT suspended FROM search_state WHERE id = 1) = 0
BEGIN
  INSERT INTO household_fts (rowid, address) VALUES (NEW.id, NEW.address);
END;

CREATE TRIGGER search_household_au AFTER UPDATE OF address ON household
WHEN (SELECT suspended FROM search_state WHERE id = 1) = 0
BEGIN
  INSERT INTO household_fts (household_fts, rowid, address) VALUES ('delete', OLD.id, OLD.address);
  INSERT INTO household_fts (rowid, address) VALUES (NEW.id, NEW.address);
END;

CREATE TRIGGER search_household_ad AFTER DELETE ON household
WHEN (SELECT suspended FROM search_state WHERE id = 1) = 0
BEGIN
  INSERT INTO household_fts (household_fts, rowid, address) VALUES ('delete', OLD.id, OLD.address);
END;

-- A database that already has residents gets its index now.
INSERT INTO search_key SELECT DISTINCT * FROM search_key_source ORDER BY 1, 2, 3, 4, 5, 6;
INSERT INTO household_fts (household_fts) VALUES ('rebuild');
