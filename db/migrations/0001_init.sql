-- wangge schema, version 1: the whole domain.
-- Codes extend their parent's: county 6 digits, town 9, village 12, grid 15,
-- building or villager group 18. Scope checks are prefix ranges on these codes
-- (code >= scope AND code < scope || ':'), so every scoped table carries the
-- code of the division its row lives in and indexes it.

CREATE TABLE division (
  code        TEXT PRIMARY KEY
              CHECK (length(code) IN (6, 9, 12, 15, 18) AND code NOT GLOB '*[^0-9]*'),
  parent_code TEXT REFERENCES division(code)
              CHECK ((length(code) = 6 AND parent_code IS NULL)
                  OR (length(code) > 6 AND parent_code = substr(code, 1, length(code) - 3))),
  level       TEXT NOT NULL CHECK (level IN ('county', 'town', 'village', 'grid', 'building')),
  -- county: county; town: town|street; village: village|community;
  -- grid: basic|school|hospital|market|enterprise; building: building|group
  kind        TEXT NOT NULL CHECK (kind IN ('county', 'town', 'street', 'village', 'community',
                'basic', 'school', 'hospital', 'market', 'enterprise', 'building', 'group')),
  urban       INTEGER NOT NULL DEFAULT 0 CHECK (urban IN (0, 1)),
  name        TEXT NOT NULL CHECK (length(name) > 0),
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  retired_at  TEXT,
  CHECK ((level = 'county' AND length(code) = 6 AND kind = 'county')
      OR (level = 'town' AND length(code) = 9 AND kind IN ('town', 'street'))
      OR (level = 'village' AND length(code) = 12 AND kind IN ('village', 'community'))
      OR (level = 'grid' AND length(code) = 15
          AND kind IN ('basic', 'school', 'hospital', 'market', 'enterprise'))
      OR (level = 'building' AND length(code) = 18 AND kind IN ('building', 'group')))
) WITHOUT ROWID;
CREATE INDEX division_parent ON division(parent_code);

CREATE TABLE department (
  id      INTEGER PRIMARY KEY,
  code    TEXT NOT NULL UNIQUE CHECK (length(code) > 0),
  name    TEXT NOT NULL CHECK (length(name) > 0),
  -- police, judicial, civil, housing, urban, emergency, hr, market, health,
  -- fire, environment, water, power, gas, heating, other
  kind    TEXT NOT NULL DEFAULT 'other',
  phone   TEXT,
  retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1))
);

CREATE TABLE household (
  id               INTEGER PRIMARY KEY,
  -- the grid or building the household lives in
  division_code    TEXT NOT NULL REFERENCES division(code)
                   CHECK (length(division_code) IN (15, 18)),
  number           TEXT,   -- household register number (户号), optional
  address          TEXT NOT NULL CHECK (length(address) > 0),
  head_id          INTEGER REFERENCES resident(id) DEFERRABLE INITIALLY DEFERRED,
  integrity_points INTEGER NOT NULL DEFAULT 100 CHECK (integrity_points BETWEEN 0 AND 1000),
  phone            TEXT,
  note             TEXT,
  status           TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'dissolved')),
  created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX household_division ON household(division_code);

CREATE TABLE resident (
  id            INTEGER PRIMARY KEY,
  household_id  INTEGER NOT NULL REFERENCES household(id),
  -- copy of the household's division code, kept by the store on every move,
  -- so that scope filters and counts need no join
  division_code TEXT NOT NULL REFERENCES division(code),
  name          TEXT NOT NULL CHECK (length(name) > 0),
  sex           TEXT NOT NULL CHECK (sex IN ('M', 'F')),
  id_number     TEXT UNIQUE CHECK (id_number IS NULL OR length(id_number) = 18),
  birth_date    TEXT CHECK (birth_date IS NULL OR birth_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  ethnicity     TEXT NOT NULL DEFAULT '汉族',
  phone         TEXT,
  relation      TEXT NOT NULL DEFAULT 'other' CHECK (relation IN ('head', 'spouse', 'child',
                  'parent', 'grandchild', 'grandparent', 'sibling', 'child_in_law', 'other')),
  status        TEXT NOT NULL DEFAULT 'resident' CHECK (status IN ('resident', 'moved_out', 'deceased')),
  status_date   TEXT,
  status_note   TEXT,
  note          TEXT,
  -- search columns: every full-pinyin spelling ("zhangsan zhangshan"), the initials
  -- of each spelling ("zs"), reversed ID and phone for suffix search
  name_pinyin   TEXT NOT NULL DEFAULT '',
  name_initials TEXT NOT NULL DEFAULT '',
  id_rev        TEXT,
  phone_rev     TEXT,
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  CHECK (status = 'resident' OR status_date IS NOT NULL)
);
CREATE INDEX resident_household ON resident(household_id);
CREATE INDEX resident_division ON resident(division_code);
CREATE INDEX resident_name ON resident(name);
CREATE INDEX resident_id_rev ON resident(id_rev);
CREATE INDEX resident_phone ON resident(phone);
CREATE INDEX resident_phone_rev ON resident(phone_rev);

-- Where a resident or household was before: moves, transfers, re-drawn grids.
CREATE TABLE residence_history (
  id            INTEGER PRIMARY KEY,
  resident_id   INTEGER REFERENCES resident(id),
  household_id  INTEGER REFERENCES household(id),
  from_household INTEGER,
  to_household   INTEGER,
  from_division TEXT,
  to_division   TEXT,
  event         TEXT NOT NULL CHECK (event IN ('moved_in', 'transferred', 'moved_out',
                  'deceased', 'regridded', 'restored')),
  at            TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  by_user       INTEGER REFERENCES user(id),
  note          TEXT
);
CREATE INDEX residence_history_resident ON residence_history(resident_id);
CREATE INDEX residence_history_household ON residence_history(household_id);

CREATE TABLE tag (
  id      INTEGER PRIMARY KEY,
  code    TEXT NOT NULL UNIQUE CHECK (length(code) > 0),
  name    TEXT NOT NULL CHECK (length(name) > 0),
  builtin INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
  retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1))
);
INSERT INTO tag (code, name, builtin) VALUES
  ('elderly_alone', '独居老人', 1),
  ('disabled', '残疾人', 1),
  ('low_income', '低保户', 1),
  ('left_behind_child', '留守儿童', 1),
  ('veteran', '退役军人', 1),
  ('party_member', '党员', 1),
  ('special_attention', '重点关注人员', 1);

CREATE TABLE resident_tag (
  resident_id INTEGER NOT NULL REFERENCES resident(id),
  tag_id      INTEGER NOT NULL REFERENCES tag(id),
  since       TEXT NOT NULL DEFAULT (date('now')),
  note        TEXT,
  PRIMARY KEY (resident_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX resident_tag_tag ON resident_tag(tag_id);

CREATE TABLE place (
  id            INTEGER PRIMARY KEY,
  division_code TEXT NOT NULL REFERENCES division(code),
  kind          TEXT NOT NULL CHECK (kind IN ('building', 'shop', 'school', 'clinic', 'hospital',
                  'market', 'enterprise', 'facility', 'camera', 'other')),
  name          TEXT NOT NULL CHECK (length(name) > 0),
  address       TEXT,
  contact       TEXT,
  phone         TEXT,
  status        TEXT NOT NULL DEFAULT 'normal' CHECK (status IN ('normal', 'hazard', 'closed')),
  note          TEXT,
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX place_division ON place(division_code);

CREATE TABLE organisation (
  id            INTEGER PRIMARY KEY,
  division_code TEXT NOT NULL REFERENCES division(code),
  kind          TEXT NOT NULL CHECK (kind IN ('property', 'social', 'party_branch', 'enterprise', 'other')),
  name          TEXT NOT NULL CHECK (length(name) > 0),
  contact       TEXT,
  phone         TEXT,
  rating        TEXT CHECK (rating IS NULL OR rating IN ('red', 'black', 'none')),
  note          TEXT,
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX organisation_division ON organisation(division_code);

CREATE TABLE user (
  id              INTEGER PRIMARY KEY,
  name            TEXT NOT NULL UNIQUE
                  CHECK (length(name) BETWEEN 1 AND 32 AND name NOT GLOB '*[^a-z0-9._-]*'),
  display_name    TEXT NOT NULL CHECK (length(display_name) > 0),
  role            TEXT NOT NULL CHECK (role IN ('admin', 'centre', 'town', 'secretary',
                    'leader', 'worker', 'handler')),
  scope_code      TEXT NOT NULL REFERENCES division(code),
  department_id   INTEGER REFERENCES department(id),
  phone           TEXT,
  password_hash   TEXT,
  locked          INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
  failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
  locked_until    TEXT,          -- temporary lock after repeated failures
  last_login_at   TEXT,
  keymap          TEXT NOT NULL DEFAULT 'default',
  language        TEXT NOT NULL DEFAULT 'zh_CN' CHECK (language IN ('zh_CN', 'en')),
  encoding        TEXT NOT NULL DEFAULT 'UTF-8' CHECK (encoding IN ('UTF-8', 'GB18030')),
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  CHECK (role <> 'handler' OR department_id IS NOT NULL)
);

CREATE TABLE user_key (
  id          INTEGER PRIMARY KEY,
  user_id     INTEGER NOT NULL REFERENCES user(id),
  type        TEXT NOT NULL,         -- ssh-ed25519, ecdsa-sha2-nistp256, ssh-rsa, ...
  blob        TEXT NOT NULL,         -- base64 of the public key, as in authorized_keys
  comment     TEXT,
  fingerprint TEXT NOT NULL,         -- SHA256:...
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  UNIQUE (type, blob)
);
CREATE INDEX user_key_user ON user_key(user_id);

-- The grid team "1+1+1+N" and the officers linked to the grid.
CREATE TABLE grid_staff (
  id        INTEGER PRIMARY KEY,
  grid_code TEXT NOT NULL REFERENCES division(code) CHECK (length(grid_code) = 15),
  user_id   INTEGER REFERENCES user(id),
  name      TEXT NOT NULL CHECK (length(name) > 0),
  phone     TEXT,
  duty      TEXT NOT NULL CHECK (duty IN ('leader', 'instructor', 'fulltime', 'parttime',
              'police', 'mediator', 'lawyer', 'legal_deputy')),
  since     TEXT NOT NULL DEFAULT (date('now')),
  until     TEXT
);
CREATE INDEX grid_staff_grid ON grid_staff(grid_code);
CREATE INDEX grid_staff_user ON grid_staff(user_id);

CREATE TABLE case_kind (
  id                    INTEGER PRIMARY KEY,
  code                  TEXT NOT NULL UNIQUE,
  name                  TEXT NOT NULL CHECK (length(name) > 0),
  category              TEXT NOT NULL CHECK (category IN ('dispute', 'hazard', 'demand',
                          'security', 'environment', 'petition')),
  default_days          INTEGER NOT NULL DEFAULT 7 CHECK (default_days BETWEEN 1 AND 365),
  default_department_id INTEGER REFERENCES department(id),
  retired               INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1))
);

CREATE TABLE "case" (
  id            INTEGER PRIMARY KEY,
  number        TEXT NOT NULL UNIQUE,            -- e.g. 370923-2026-000123
  division_code TEXT NOT NULL REFERENCES division(code),
  kind_id       INTEGER NOT NULL REFERENCES case_kind(id),
  title         TEXT NOT NULL CHECK (length(title) > 0),
  description   TEXT NOT NULL DEFAULT '',
  source        TEXT NOT NULL DEFAULT 'patrol' CHECK (source IN ('patrol', 'visit', 'resident',
                  'hotline', 'petition', 'department', 'other')),
  state         TEXT NOT NULL DEFAULT 'reported' CHECK (state IN ('reported', 'accepted',
                  'dispatched', 'in_progress', 'replied', 'verified', 'callback', 'closed',
                  'handled_on_spot', 'merged')),
  level         TEXT NOT NULL DEFAULT 'grid' CHECK (level IN ('grid', 'village', 'town', 'county')),
  priority      INTEGER NOT NULL DEFAULT 2 CHECK (priority BETWEEN 1 AND 3),
  reporter_id   INTEGER REFERENCES user(id),
  household_id  INTEGER REFERENCES household(id),
  resident_id   INTEGER REFERENCES resident(id),
  place_id      INTEGER REFERENCES place(id),
  reported_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  deadline      TEXT,
  closed_at     TEXT,
  satisfaction  TEXT CHECK (satisfaction IS NULL OR satisfaction IN ('satisfied',
                  'basically_satisfied', 'unsatisfied')),
  merged_into   INTEGER REFERENCES "case"(id),
  CHECK ((state = 'merged') = (merged_into IS NOT NULL))
);
CREATE INDEX case_division_state ON "case"(division_code, state);
CREATE INDEX case_state_deadline ON "case"(state, deadline);
CREATE INDEX case_kind_idx ON "case"(kind_id);

-- A case may be dispatched to several departments at once.
CREATE TABLE case_dispatch (
  id            INTEGER PRIMARY KEY,
  case_id       INTEGER NOT NULL REFERENCES "case"(id),
  department_id INTEGER NOT NULL REFERENCES department(id),
  dispatched_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  deadline      TEXT NOT NULL,
  state         TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'in_progress',
                  'replied', 'returned')),
  replied_at    TEXT,
  reply         TEXT
);
CREATE INDEX case_dispatch_case ON case_dispatch(case_id);
CREATE INDEX case_dispatch_department ON case_dispatch(department_id, state);

CREATE TABLE case_event (
  id            INTEGER PRIMARY KEY,
  case_id       INTEGER NOT NULL REFERENCES "case"(id),
  at            TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  actor_id      INTEGER REFERENCES user(id),
  action        TEXT NOT NULL,
  from_state    TEXT,
  to_state      TEXT,
  department_id INTEGER REFERENCES department(id),
  note          TEXT
);
CREATE INDEX case_event_case ON case_event(case_id, at);

CREATE TABLE case_party (
  id          INTEGER PRIMARY KEY,
  case_id     INTEGER NOT NULL REFERENCES "case"(id),
  resident_id INTEGER REFERENCES resident(id),
  name        TEXT NOT NULL CHECK (length(name) > 0),
  phone       TEXT,
  role        TEXT NOT NULL DEFAULT 'party' CHECK (role IN ('applicant', 'respondent', 'party', 'witness'))
);
CREATE INDEX case_party_case ON case_party(case_id);

CREATE TABLE mediation (
  id         INTEGER PRIMARY KEY,
  case_id    INTEGER NOT NULL REFERENCES "case"(id),
  type       TEXT NOT NULL CHECK (type IN ('people', 'administrative', 'judicial', 'civil',
               'public_security')),
  mediator   TEXT NOT NULL CHECK (length(mediator) > 0),
  started_at TEXT NOT NULL DEFAULT (date('now')),
  sessions   INTEGER NOT NULL DEFAULT 1 CHECK (sessions >= 0),
  agreement  TEXT,
  outcome    TEXT NOT NULL DEFAULT 'pending' CHECK (outcome IN ('pending', 'agreed', 'failed')),
  ended_at   TEXT
);
CREATE INDEX mediation_case ON mediation(case_id);

CREATE TABLE checklist_template (
  id     INTEGER PRIMARY KEY,
  code   TEXT NOT NULL UNIQUE,
  name   TEXT NOT NULL CHECK (length(name) > 0),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

CREATE TABLE checklist_item (
  id          INTEGER PRIMARY KEY,
  template_id INTEGER NOT NULL REFERENCES checklist_template(id),
  ord         INTEGER NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('check', 'ask')),
  text        TEXT NOT NULL CHECK (length(text) > 0),
  UNIQUE (template_id, ord)
);
INSERT INTO checklist_template (id, code, name) VALUES (1, 'five_checks_three_questions', '五查三问');
INSERT INTO checklist_item (template_id, ord, kind, text) VALUES
  (1, 1, 'check', '查邪教'),
  (1, 2, 'check', '查黄赌毒'),
  (1, 3, 'check', '查村霸'),
  (1, 4, 'check', '查治安隐患'),
  (1, 5, 'check', '查重点人员及矛盾纠纷'),
  (1, 6, 'ask', '问困难'),
  (1, 7, 'ask', '问公共服务满意度'),
  (1, 8, 'ask', '问诉求');

CREATE TABLE visit (
  id            INTEGER PRIMARY KEY,
  division_code TEXT NOT NULL REFERENCES division(code),
  household_id  INTEGER REFERENCES household(id),
  user_id       INTEGER NOT NULL REFERENCES user(id),
  kind          TEXT NOT NULL DEFAULT 'visit' CHECK (kind IN ('visit', 'patrol')),
  template_id   INTEGER REFERENCES checklist_template(id),
  at            TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  note          TEXT,
  case_id       INTEGER REFERENCES "case"(id)
);
CREATE INDEX visit_division_at ON visit(division_code, at);
CREATE INDEX visit_household ON visit(household_id, at);
CREATE INDEX visit_user ON visit(user_id, at);

CREATE TABLE visit_answer (
  visit_id INTEGER NOT NULL REFERENCES visit(id),
  item_id  INTEGER NOT NULL REFERENCES checklist_item(id),
  answer   TEXT NOT NULL CHECK (answer IN ('ok', 'problem', 'na')),
  note     TEXT,
  PRIMARY KEY (visit_id, item_id)
) WITHOUT ROWID;

-- Append-only audit trail. Each row carries a BLAKE2b hash over its content and
-- the previous row's hash (computed by the store), so `wangge check` can prove
-- that no row was altered, removed or inserted out of order.
CREATE TABLE audit (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  actor_id   INTEGER,
  actor      TEXT NOT NULL,
  session    TEXT,
  remote     TEXT,
  action     TEXT NOT NULL,
  tbl        TEXT,
  row_id     INTEGER,
  before     TEXT CHECK (before IS NULL OR json_valid(before)),
  after      TEXT CHECK (after IS NULL OR json_valid(after)),
  hash       TEXT NOT NULL
);
CREATE INDEX audit_actor ON audit(actor, at);
CREATE INDEX audit_row ON audit(tbl, row_id);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;

-- Small key-value facts about this database (county code, demo seed, ...).
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT
) WITHOUT ROWID;
